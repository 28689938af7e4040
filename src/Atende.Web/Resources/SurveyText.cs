namespace Atende.Web.Resources;

/// <summary>Texts of the satisfaction survey: the public survey page, the portal's survey panel, the rating on the agent's ticket page.</summary>
public sealed class SurveyText;
