namespace SalesGlossary.Domain.Agreement;

/// <summary>
/// Marks a property of an agreement document that is read only to be refused with a reason of its own (the schema does
/// not describe it: the agreement does not accept it).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
internal sealed class RefusedPropertyAttribute : Attribute;
