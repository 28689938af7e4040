namespace Atende.Web.Components.Portal.Surveys;

/// <summary>What the survey form posts.</summary>
public sealed class SurveyInput
{
    public int? Score { get; set; }
    public string? Comment { get; set; }
}
