using System.Text.Json;
using Atende.Accounts;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace Atende.Web.Api;

/// <summary>
/// Maps every failure to RFC 9457 problem details in one place: domain exceptions to 4xx, bad JSON to a 400
/// naming the field, and anything unexpected to a 500 that carries a trace id and no stack trace.
/// </summary>
public sealed partial class ProblemResponses(IProblemDetailsService problems, ILogger<ProblemResponses> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        var problem = exception switch
        {
            InvalidRequestException e => Validation(e.Errors),
            BadHttpRequestException { InnerException: JsonException json } => Validation(JsonProblem(json)),
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => Problem(413, "Payload too large", "The request body is larger than the server accepts."),
            BadHttpRequestException { StatusCode: StatusCodes.Status415UnsupportedMediaType } e => Problem(415, "Unsupported media type", e.Message),
            BadHttpRequestException e => Validation(new Dictionary<string, string[]> { [ParameterOf(e)] = ["has the wrong type or format."] }),
            PayloadTooLargeException e => Problem(413, "Payload too large", e.Message),
            NotFoundException e => Problem(404, "Not found", e.Message),
            ForbiddenException e => Problem(403, "Forbidden", e.Message),
            BusinessRuleException e => Problem(409, "Refused by a business rule", e.Message),
            PreconditionFailedException e => Problem(412, "Precondition failed", e.Message),
            Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException => Problem(409, "Conflict", "Someone else changed this at the same moment. Reload and try again."),
            InvalidCredentialsException e => Problem(401, "Unauthorized", e.Message),
            TwoFactorCodeRequiredException e => Problem(401, "Two-factor code required", e.Message),
            TooManyAttemptsException e => Problem(429, "Too many requests", e.Message),
            _ => null,
        };
        if (problem is null)
        {
            LogUnexpected(logger, exception);
            problem = Problem(500, "Unexpected error", "Something went wrong on our side. Quote the trace id when you report it.");
        }
        if (exception is TooManyAttemptsException tooMany)
        {
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(tooMany.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        if (exception is PreconditionFailedException { CurrentETag.Length: > 0 } stale)
        {
            context.Response.Headers.ETag = stale.CurrentETag;
        }
        problem.Extensions["traceId"] = context.Features.Get<IHttpActivityFeature>()?.Activity.Id ?? context.TraceIdentifier;
        context.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    private static ProblemDetails Problem(int status, string title, string detail) => new() { Status = status, Title = title, Detail = detail };

    private static ValidationProblemDetails Validation(IReadOnlyDictionary<string, string[]> errors) =>
        new(errors.ToDictionary(e => e.Key, e => e.Value)) { Status = 400, Title = "One or more fields are invalid." };

    /// <summary>
    /// Names the field: "$.requester.email" → "requester.email". An unknown property is named by itself;
    /// broken JSON is a problem of the whole "body".
    /// </summary>
    private static Dictionary<string, string[]> JsonProblem(JsonException json)
    {
        var path = FullPath(json)?.TrimStart('$').TrimStart('.');
        if (json.Message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            var start = json.Message.IndexOf('\'', StringComparison.Ordinal);
            var end = start >= 0 ? json.Message.IndexOf('\'', start + 1) : -1;
            var name = end > start ? json.Message[(start + 1)..end] : path;
            // Nested, the path already ends with the property: "formFields[0].extra", not "formFields[0].extra.extra".
            var field = string.IsNullOrEmpty(path) ? name
                : path == name || path.EndsWith($".{name}", StringComparison.Ordinal) ? path
                : $"{path}.{name}";
            return new() { [field ?? "body"] = ["is not a known field."] };
        }
        if (json.Message.Contains("could not be converted", StringComparison.Ordinal) && !string.IsNullOrEmpty(path))
        {
            return new() { [path] = ["has the wrong type or format."] };
        }
        return new() { ["body"] = ["is not valid JSON."] };
    }

    /// <summary>A PATCH property (<see cref="Optional{T}"/>) reports the path inside its value as an inner exception.</summary>
    private static string? FullPath(JsonException json)
    {
        var path = json.Path;
        for (var inner = json.InnerException as JsonException; inner?.Path is { } innerPath; inner = inner.InnerException as JsonException)
        {
            path += innerPath.TrimStart('$');
        }
        return path;
    }

    private static string ParameterOf(BadHttpRequestException e)
    {
        // Messages look like: Failed to bind parameter "int limit" from "abc".
        var start = e.Message.IndexOf('"', StringComparison.Ordinal);
        var end = start >= 0 ? e.Message.IndexOf('"', start + 1) : -1;
        if (start >= 0 && end > start)
        {
            var name = e.Message[(start + 1)..end].Split(' ')[^1];
            return name.Length > 0 ? char.ToLowerInvariant(name[0]) + name[1..] : "request";
        }
        return "request";
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception.")]
    private static partial void LogUnexpected(ILogger logger, Exception e);
}
