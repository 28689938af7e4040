using System.Globalization;
using System.Security.Claims;
using Atende.Accounts;
using Atende.Web.Resources;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Atende.Web.Components;

/// <summary>
/// How a component calls a use case: a fresh DI scope (and so a fresh DbContext) per operation, with the caller
/// loaded from the database at that moment — a circuit lives for hours, a DbContext must not, and a deactivated
/// agent must lose access at once. The same handlers serve the API.
/// </summary>
public sealed class UseCases(
    IServiceScopeFactory scopes,
    AuthenticationStateProvider authentication,
    ISnackbar snackbar,
    IStringLocalizer<SharedText> text)
{
    public async Task<Caller> CallerAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await LoadCallerAsync(scope.ServiceProvider, ct);
    }

    /// <summary>Runs a read or a write; errors are thrown to the component.</summary>
    public async Task<T> QueryAsync<THandler, T>(Func<THandler, Caller, CancellationToken, Task<T>> operation, CancellationToken ct = default)
        where THandler : notnull
    {
        await using var scope = scopes.CreateAsyncScope();
        var caller = await LoadCallerAsync(scope.ServiceProvider, ct);
        return await operation(scope.ServiceProvider.GetRequiredService<THandler>(), caller, ct);
    }

    /// <summary>Runs a change; a refusal (validation, rule, permission, conflict) is shown to the agent, not thrown.</summary>
    public async Task<(bool Ok, T? Value)> TryAsync<THandler, T>(Func<THandler, Caller, CancellationToken, Task<T>> operation, CancellationToken ct = default)
        where THandler : notnull
    {
        try
        {
            return (true, await QueryAsync(operation, ct));
        }
        catch (Exception e) when (Explain(e) is { } message)
        {
            snackbar.Add(message, Severity.Error);
            return (false, default);
        }
    }

    /// <summary>As <see cref="TryAsync{THandler,T}"/> for a change that returns nothing.</summary>
    public async Task<bool> TryAsync<THandler>(Func<THandler, Caller, CancellationToken, Task> operation, CancellationToken ct = default)
        where THandler : notnull
    {
        var (ok, _) = await TryAsync<THandler, bool>(async (h, caller, token) =>
        {
            await operation(h, caller, token);
            return true;
        }, ct);
        return ok;
    }

    /// <summary>
    /// The localized kind of refusal, then the handler's own words (English: the domain speaks one language,
    /// the API's), so the agent knows both what happened and which field.
    /// </summary>
    public string? Explain(Exception e) => e switch
    {
        InvalidRequestException v => $"{text["Error.Invalid"]} {string.Join(" ", v.Errors.Select(f => $"{f.Key}: {string.Join(" ", f.Value)}"))}",
        BusinessRuleException => $"{text["Error.Refused"]} {e.Message}",
        ForbiddenException => text["Error.Forbidden"],
        NotFoundException => text["Error.NotFound"],
        PreconditionFailedException or Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException => text["Error.Conflict"],
        PayloadTooLargeException => $"{text["Error.TooLarge"]} {e.Message}",
        _ => null,
    };

    private async Task<Caller> LoadCallerAsync(IServiceProvider services, CancellationToken ct)
    {
        var state = await authentication.GetAuthenticationStateAsync();
        var id = state.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (!int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var accountId))
        {
            throw new ForbiddenException("Sign in first.");
        }
        return await services.GetRequiredService<LoadCaller>().HandleAsync(accountId, ct)
            ?? throw new ForbiddenException("This account can no longer sign in.");
    }
}
