using Apache.Arrow;

namespace SalesGlossary.Domain.Arrow;

/// <summary>A decimal column with its nulls.</summary>
internal sealed class DecimalColumn(decimal[] values, bool[] isNull)
{
    public decimal[] Values { get; } = values;

    public bool[] IsNull { get; } = isNull;

    public static DecimalColumn Encode(IArrowArray array, string name)
    {
        if (array is not Decimal128Array decimals)
        {
            throw ColumnarErrors.WrongType(name, array, "decimal128");
        }

        var values = new decimal[decimals.Length];
        var nulls = new bool[decimals.Length];
        for (var i = 0; i < values.Length; i++)
        {
            if (decimals.GetValue(i) is { } value)
            {
                values[i] = value;
            }
            else
            {
                nulls[i] = true;
            }
        }

        return new DecimalColumn(values, nulls);
    }
}
