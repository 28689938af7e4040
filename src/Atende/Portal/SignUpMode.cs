using System.Text.Json.Serialization;

namespace Atende.Portal;

/// <summary>Who may create a customer account in the portal.</summary>
public enum SignUpMode
{
    /// <summary>Only people an agent invited (the safe default for a B2B desk).</summary>
    [JsonStringEnumMemberName("invitationOnly")] InvitationOnly = 0,
    /// <summary>Anyone may sign up and confirms their address by email.</summary>
    Open = 1,
}
