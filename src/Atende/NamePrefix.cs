using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Query;

namespace Atende;

/// <summary>
/// "q" on the small lists (agents, teams, organizations): the name starts with it, whatever the case.
/// The name is compared lowered too: SQLite's LIKE ignores ASCII case and PostgreSQL's does not, so without it
/// "ana" found "Ana Souza" on one database only. SQLite's lower() folds ASCII only, so the name as typed is
/// tried as well, keeping "Érica" findable there. Other columns (email, domains) are stored lower case and are
/// matched with <c>folded</c> by the caller's <paramref name="orElse"/>.
/// </summary>
public static class NamePrefix
{
    public static Expression<Func<T, bool>> Matches<T>(
        Expression<Func<T, string>> name, string q, Func<string, Expression<Func<T, bool>>>? orElse = null)
    {
        var folded = q.ToLowerInvariant();
        Expression<Func<string, bool>> test = n => n.StartsWith(q) || n.ToLower().StartsWith(folded);
        var row = name.Parameters[0];
        var body = ReplacingExpressionVisitor.Replace(test.Parameters[0], name.Body, test.Body);
        if (orElse?.Invoke(folded) is { } other)
        {
            body = Expression.OrElse(body, ReplacingExpressionVisitor.Replace(other.Parameters[0], row, other.Body));
        }
        return Expression.Lambda<Func<T, bool>>(body, row);
    }
}
