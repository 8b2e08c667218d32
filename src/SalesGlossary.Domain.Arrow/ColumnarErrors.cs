using System.Globalization;
using Apache.Arrow;

namespace SalesGlossary.Domain.Arrow;

/// <summary>The one home of the columnar package's messages about bad input: each names the column, the row or the rule.</summary>
internal static class ColumnarErrors
{
    public static ArgumentException WrongType(string column, IArrowArray array, string expected) =>
        new(string.Create(CultureInfo.InvariantCulture, $"Column '{column}' holds {array.Data.DataType.Name}; {expected} is expected."), column);

    public static ArgumentException NullIn(string column, int row) =>
        new(string.Create(CultureInfo.InvariantCulture, $"Column '{column}' has a null at row {row}; it must hold a value in every row."), column);

    public static ArgumentException Missing(string column, string batch, IEnumerable<string> present) =>
        new(string.Create(CultureInfo.InvariantCulture,
            $"The {batch} batch has no column '{column}'. Its columns: {string.Join(", ", present.Select(p => "'" + p + "'"))}."), column);

    public static ArgumentException LengthMismatch(string batch, int expected, int actual) =>
        new(string.Create(CultureInfo.InvariantCulture, $"The {batch} batch has columns of different lengths ({expected} and {actual} rows)."), batch);
}
