using System.Globalization;
using System.Text;
using Npgsql;

namespace PinpointAggregator.Storage.PostgreSql.EventStore;

/// <summary>
/// A WHERE clause under construction: conditions joined with AND, every value a positional parameter
/// (<c>$1</c>, <c>$2</c>, ...), never text in the SQL.
/// </summary>
internal sealed class SqlConditions
{
    private readonly List<string> _conditions = [];

    public List<NpgsqlParameter> Parameters { get; } = [];

    /// <summary>False when a condition can match nothing (an empty set of alternatives): the query need not run.</summary>
    public bool CanMatch { get; private set; } = true;

    /// <summary>Adds a parameter and returns its placeholder.</summary>
    public string Parameter(object value)
    {
        Parameters.Add(new NpgsqlParameter { Value = value });
        return string.Create(CultureInfo.InvariantCulture, $"${Parameters.Count}");
    }

    public void Add(string condition) => _conditions.Add(condition);

    /// <summary>
    /// <paramref name="column"/> is one of <paramref name="values"/>; no condition when null. One value is
    /// compared with <c>=</c>, so an index leading with the column returns rows in its order; several with
    /// <c>= any(array)</c>.
    /// </summary>
    public void In(string column, IReadOnlyCollection<string>? values, bool emptyMatchesNothing = false)
    {
        if (values is null || (values.Count == 0 && !emptyMatchesNothing))
        {
            return;
        }

        if (values.Count == 0)
        {
            CanMatch = false;
            return;
        }

        var cleaned = values.Select(v => PostgresText.Clean(v)!).Distinct(StringComparer.Ordinal).ToArray();
        Add(cleaned.Length == 1 ? $"{column} = {Parameter(cleaned[0])}" : $"{column} = any({Parameter(cleaned)})");
    }

    /// <summary>A LIKE pattern that matches <paramref name="text"/> anywhere, its own <c>%</c>, <c>_</c> and <c>\</c> taken literally.</summary>
    public static string ContainsPattern(string text)
    {
        var pattern = new StringBuilder(text.Length + 2).Append('%');
        foreach (var c in PostgresText.Clean(text)!)
        {
            if (c is '%' or '_' or '\\')
            {
                pattern.Append('\\');
            }

            pattern.Append(c);
        }

        return pattern.Append('%').ToString();
    }

    /// <summary>The clause, starting with <c>where</c>, or empty when there is no condition.</summary>
    public string Where() => _conditions.Count == 0 ? string.Empty : " where " + string.Join(" and ", _conditions);
}
