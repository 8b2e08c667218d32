using Ardalis.SmartEnum;
using FsCheck;
using FsCheck.Fluent;
using SalesGlossary.Domain.Connecting;
using SalesGlossary.Domain.Profiles;

namespace SalesGlossary.Domain.Tests;

/// <summary>FsCheck generators for the library's types, shared by the property tests.</summary>
public static class Generators
{
    private static readonly string[] Industries = ["Software", "Manufacturing", "Retail", "Healthcare", "Finance", "Logistics"];
    private static readonly string[] Countries = ["DE", "AT", "CH", "US", "GB", "FR"];
    private static readonly string[] Technologies = ["Salesforce", "HubSpot", "SAP", "Shopify", "Snowflake", "AWS"];
    private static readonly string[] Words = ["marketing", "sales", "vp", "head", "director", "operations", "revenue", "demand", "generation", "it", "chief", "officer", "manager"];

    public static Gen<T?> OrNone<T>(Gen<T> gen)
        where T : struct => Gen.Frequency((1, Gen.Constant<T?>(null)), (4, gen.Select(v => (T?)v)));

    public static Gen<T> SmartEnum<T>()
        where T : SmartEnum<T> => Gen.Elements(Ardalis.SmartEnum.SmartEnum<T>.List.ToArray());

    public static Gen<string> Text() =>
        Gen.Elements("Acme", "Globex GmbH", "Initech", "Umbrella AG", "Ünïcödé & \"quotes\"", "Tab\tand\nnewline", "🚀 Rocket");

    public static Gen<string[]> SubsetOf(string[] values) => Gen.SubListOf(values).Select(v => v.ToArray());

    public static Gen<NumberRange> Ranges() =>
        from a in Gen.Choose(0, 5000)
        from b in Gen.Choose(0, 5000)
        from open in Gen.Choose(0, 3)
        select open switch
        {
            0 => new NumberRange(null, Math.Max(a, b)),
            1 => new NumberRange(Math.Min(a, b), null),
            _ => new NumberRange(Math.Min(a, b), Math.Max(a, b)),
        };

    public static Gen<FirmographicCriteria> Criteria() =>
        from industries in SubsetOf(Industries)
        from employees in Ranges().OrNull()
        from revenue in Ranges().Select(r => new NumberRange(r.Minimum * 1000, r.Maximum * 1000)).OrNull()
        from countries in SubsetOf(Countries)
        from required in SubsetOf(Technologies)
        from excluded in SubsetOf(Technologies)
        select new FirmographicCriteria(industries, employees, revenue, countries, required, excluded.Except(required).ToArray());

    public static Gen<CompanyProfile> Companies() =>
        from name in Text()
        from industry in Gen.Elements(Industries).OrNull()
        from employees in OrNone(Gen.Choose(0, 6000))
        from revenue in OrNone(Gen.Choose(0, 6_000_000).Select(r => (decimal)r))
        from country in Gen.Elements(Countries).OrNull()
        from technologies in SubsetOf(Technologies)
        select new CompanyProfile(name, industry, employees, revenue, country, technologies);

    public static Gen<IdealCustomerProfile> Profiles() =>
        from tierCount in Gen.Choose(1, 3)
        from criteria in Gen.ArrayOf(Criteria(), tierCount)
        from exclusionCriteria in Gen.ListOf(Criteria().Where(c => !c.IsEmpty))
        select new IdealCustomerProfile(
            "ICP",
            [.. criteria.Select((c, i) => new IcpTierDefinition(Ardalis.SmartEnum.SmartEnum<IcpTier>.FromValue(i + 1), c))],
            [.. exclusionCriteria.Take(3).Select((c, i) => new IcpExclusion("Exclusion " + i, c))]);

    public static Gen<string> Keyword() =>
        from count in Gen.Choose(1, 2)
        from words in Gen.ArrayOf(Gen.Elements(Words), count)
        select string.Join(' ', words);

    public static Gen<BuyerPersona> Personas() =>
        from name in Gen.Elements("Marketing Mary", "Sales Sam", "Operations Olivia", "IT Ian", "Chief Charlie", "Revenue Rita")
        from role in Text()
        from seniority in SmartEnum<Seniority>().OrNull()
        from department in Gen.Elements("Marketing", "Sales", "IT", "Operations").OrNull()
        from goals in SubsetOf(["More pipeline", "Shorter cycles", "Better data"])
        from pains in SubsetOf(["Manual work", "Poor lead quality"])
        from channels in Gen.SubListOf(Ardalis.SmartEnum.SmartEnum<ConnectChannel>.List.ToArray())
        from keywordCount in Gen.Choose(1, 4)
        from keywords in Gen.ArrayOf(Keyword(), keywordCount)
        select new BuyerPersona(name, role, seniority, department, goals, pains, channels, keywords);

    public static Gen<ContactProfile> Contacts() =>
        from count in Gen.Choose(0, 5)
        from words in Gen.ArrayOf(Gen.Elements(Words.Concat(["of", "and", "&", "-"]).ToArray()), count)
        from department in Gen.Elements("Marketing", "Sales", "IT", "Operations").OrNull()
        from seniority in SmartEnum<Seniority>().OrNull()
        select new ContactProfile(count == 0 ? null : string.Join(' ', words), department, seniority);

    public static Gen<LeadType> LeadTypes() =>
        from key in Gen.Elements("new-prospect", "existing-customer", "maintenance")
        from name in Text()
        from description in Text()
        select new LeadType(key, name, description, "default-scoring", "default-pipeline", "default-connect");
}
