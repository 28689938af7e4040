namespace Atende.Surveys;

/// <summary>Marker for the survey invitation's texts (SurveyMailText.resx, English and pt-BR), written by a background job.</summary>
public sealed class SurveyMailText;
