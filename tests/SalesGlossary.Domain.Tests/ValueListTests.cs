using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace SalesGlossary.Domain.Tests;

/// <summary>The list records keep: equal exactly when the items are equal in order, with equal hash codes then.</summary>
public class ValueListTests
{
    [Property(MaxTest = 300)]
    public Property Equality_FollowsTheItemsInOrder() =>
        Prop.ForAll(Gen.ListOf(Gen.Choose(0, 3)).ToArbitrary(), Gen.ListOf(Gen.Choose(0, 3)).ToArbitrary(), (left, right) =>
        {
            var a = ValueList<int>.From(left);
            var b = ValueList<int>.From(right);
            var same = left.SequenceEqual(right);
            Assert.Equal(same, a.Equals(b));
            Assert.Equal(same, b.Equals((object)a));
            if (same)
            {
                Assert.Equal(a.GetHashCode(), b.GetHashCode());
            }
        });

    [Property(MaxTest = 200)]
    public Property Copy_IsEqual_AndIndependentOfTheSource() =>
        Prop.ForAll(Gen.ListOf(Generators.Text()).ToArbitrary(), items =>
        {
            var source = items.ToList();
            var list = ValueList<string>.From(source);
            var copy = ValueList<string>.From(source.ToArray());
            source.Add("later");
            Assert.Equal(items.Count, list.Count);
            Assert.Equal(list, copy);
            Assert.Equal(list.GetHashCode(), copy.GetHashCode());
            Assert.Same(list, ValueList<string>.From(list));
        });

    [Fact]
    public void Records_HoldingEqualLists_AreEqual_AndDifferingItems_AreNot()
    {
        var first = new ContactProfile { JobTitle = "CTO", Department = "IT", Seniority = Seniority.Director };
        var criteria = new FirmographicCriteria { Industries = ["Software", "IT"] };
        Assert.Equal(criteria, new FirmographicCriteria { Industries = ["Software", "IT"] });
        Assert.Equal(criteria.GetHashCode(), new FirmographicCriteria { Industries = new List<string> { "Software", "IT" } }.GetHashCode());
        Assert.NotEqual(criteria, new FirmographicCriteria { Industries = ["IT", "Software"] });
        Assert.NotEqual(criteria, new FirmographicCriteria { Industries = ["Software"] });
        Assert.Equal(first, first with { });
    }

    [Fact]
    public void Null_StaysNull_SoAMissingStoredListIsStillCaught()
    {
        Assert.Null(ValueList<int>.From(null));
        Assert.Equal("[1, 2]", ValueList<int>.From([1, 2]).ToString());
    }

    [Property(MaxTest = 200)]
    public Property Lazy_EqualsTheSameItemsBuiltAtOnce_AndBuildsOnlyWhenRead() =>
        Prop.ForAll(Gen.ListOf(Gen.Choose(0, 3)).ToArbitrary(), items =>
        {
            var builds = 0;
            var lazy = ValueList<int>.Lazy(items.Count, () =>
            {
                Interlocked.Increment(ref builds);
                return [.. items];
            });
            var countedWithoutBuilding = lazy.Count == items.Count && builds == 0;
            var eager = ValueList<int>.From(items);
            return countedWithoutBuilding && lazy.Equals(eager) && eager.Equals(lazy) && lazy.GetHashCode() == eager.GetHashCode()
                && lazy.SequenceEqual(items) && builds == (items.Count == 0 ? 0 : 1);
        });

    [Fact]
    public void Lazy_BuildingAnotherCount_FailsWithBothCounts()
    {
        var lazy = ValueList<string>.Lazy(2, () => ["only one"]);

        var error = Assert.Throws<InvalidOperationException>(() => lazy[0]);

        Assert.Equal("A lazy list promised 2 items and built 1.", error.Message);
    }
}
