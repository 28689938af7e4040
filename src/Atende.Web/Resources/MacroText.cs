namespace Atende.Web.Resources;

/// <summary>Texts of macros: the editor (admin and personal) and the Macros menu of the agent's ticket page.</summary>
public sealed class MacroText;
