using System.Text.Json;
using Atende;
using Atende.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Atende.Web.Api;

/// <summary>
/// "Idempotency-Key" on creating POSTs: the first request claims the key (a unique row per caller and key)
/// before it runs, so two concurrent retries cannot both create; a later repeat gets the stored answer.
/// </summary>
public sealed class IdempotencyFilter(IDbContextFactory<AtendeDb> factory, CurrentCaller current, IOptions<JsonOptions> json, TimeProvider clock)
    : IEndpointFilter
{
    public const string Header = "Idempotency-Key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var key = http.Request.Headers[Header].ToString();
        if (string.IsNullOrEmpty(key) || !current.IsKnown || current.Value.AccountId is not { } accountId)
        {
            return await next(context);
        }
        if (key.Length > 200)
        {
            throw InvalidRequestException.For(Header, "must be at most 200 characters.");
        }
        var endpoint = $"{http.Request.Method} {http.Request.Path}";

        await using var db = await factory.CreateDbContextAsync(http.RequestAborted);
        var record = new IdempotencyRecord { AccountId = accountId, Key = key, Endpoint = endpoint, CreatedAt = clock.GetUtcNow().UtcDateTime };
        db.IdempotencyRecords.Add(record);
        try
        {
            await db.SaveChangesAsync(http.RequestAborted);
        }
        catch (DbUpdateException)
        {
            db.Entry(record).State = EntityState.Detached;
            var first = await db.IdempotencyRecords.AsNoTracking().FirstAsync(r => r.AccountId == accountId && r.Key == key, http.RequestAborted);
            if (first.Endpoint != endpoint)
            {
                throw new BusinessRuleException($"The Idempotency-Key was already used for {first.Endpoint}; use a new key for a new request.");
            }
            if (first.StatusCode is not { } status)
            {
                throw new BusinessRuleException("A request with this Idempotency-Key is still being processed; retry in a moment.");
            }
            if (first.Location is not null)
            {
                http.Response.Headers.Location = first.Location;
            }
            http.Response.Headers["Idempotent-Replayed"] = "true";
            return Results.Text(first.Body ?? "", "application/json", statusCode: status);
        }

        object? result;
        try
        {
            result = await next(context);
        }
        catch
        {
            // The request failed: release the key so a corrected retry can use it.
            db.IdempotencyRecords.Remove(record);
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }

        record.StatusCode = result is IStatusCodeHttpResult { StatusCode: { } code } ? code : 200;
        record.Body = result is IValueHttpResult { Value: { } value } ? JsonSerializer.Serialize(value, value.GetType(), json.Value.SerializerOptions) : null;
        record.Location = result switch
        {
            Created<object> c => c.Location,
            _ => result?.GetType().GetProperty("Location")?.GetValue(result) as string,
        };
        await db.SaveChangesAsync(CancellationToken.None);
        return result;
    }
}
