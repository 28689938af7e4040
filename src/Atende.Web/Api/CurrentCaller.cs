using Atende.Accounts;

namespace Atende.Web.Api;

/// <summary>The caller of this request, resolved once after authentication (see <see cref="CallerMiddleware"/>).</summary>
public sealed class CurrentCaller
{
    private Caller? _caller;

    public Caller Value => _caller ?? throw new InvalidOperationException("No authenticated caller on this request.");

    public bool IsKnown => _caller is not null;

    internal void Set(Caller caller) => _caller = caller;
}
