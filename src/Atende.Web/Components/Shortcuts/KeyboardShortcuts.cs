using System.Collections.Immutable;

namespace Atende.Web.Components.Shortcuts;

/// <summary>A key and what it does on the page that registered it. The description is already localized.</summary>
public sealed record Shortcut(string Key, string Description, Func<Task> Run);

/// <summary>
/// The keyboard shortcuts of this circuit: each page registers its own while it is shown (and disposes the
/// registration when it goes), the <c>?</c> overlay lists whatever is registered now.
/// </summary>
public sealed class KeyboardShortcuts
{
    private ImmutableList<Registration> _registrations = [];

    public event Action? HelpRequested;

    public event Action? Changed;

    public IReadOnlyList<Shortcut> Current => _registrations.SelectMany(r => r.Shortcuts).ToList();

    public IDisposable Register(IEnumerable<Shortcut> shortcuts)
    {
        var registration = new Registration(shortcuts.ToList(), this);
        ImmutableInterlocked.Update(ref _registrations, list => list.Add(registration));
        Changed?.Invoke();
        return registration;
    }

    public void ShowHelp() => HelpRequested?.Invoke();

    /// <summary>The newest registration wins a key, so a dialog can take over a page's keys while it is open.</summary>
    public async Task<bool> PressAsync(string key)
    {
        if (key == "?")
        {
            ShowHelp();
            return true;
        }
        var shortcut = _registrations.Reverse().SelectMany(r => r.Shortcuts).FirstOrDefault(s => s.Key == key);
        if (shortcut is null)
        {
            return false;
        }
        await shortcut.Run();
        return true;
    }

    private void Remove(Registration registration)
    {
        ImmutableInterlocked.Update(ref _registrations, list => list.Remove(registration));
        Changed?.Invoke();
    }

    private sealed class Registration(IReadOnlyList<Shortcut> shortcuts, KeyboardShortcuts owner) : IDisposable
    {
        public IReadOnlyList<Shortcut> Shortcuts { get; } = shortcuts;

        public void Dispose() => owner.Remove(this);
    }
}
