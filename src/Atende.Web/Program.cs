using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Atende;
using Atende.Persistence;
using Atende.Tickets;
using Atende.Web.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;

var seedDemo = args.Contains("--seed-demo");
// Settings files travel with the binary; the data folder follows where Atende is started (see AddAtende).
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args.Where(a => a != "--seed-demo").ToArray(),
    ContentRootPath = AppContext.BaseDirectory,
});

// The README promises http://localhost:5080 when nothing else is configured.
if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]) &&
    !builder.Configuration.GetSection("Kestrel:Endpoints").Exists())
{
    builder.WebHost.UseUrls("http://localhost:5080");
}

// "./data" is relative to where Atende is started, as the README says.
builder.Services.AddAtende(builder.Configuration, Directory.GetCurrentDirectory());

var maxUpload = builder.Configuration.GetValue("Atende:Attachments:MaxBytes", new AttachmentOptions().MaxBytes);
builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = maxUpload + 1024 * 1024);
builder.Services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = maxUpload + 1024 * 1024);

builder.Services.ConfigureHttpJsonOptions(o =>
{
    o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
    o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
    // "minutes": "30" is a wrong type, not a number: a strict contract catches client bugs early.
    o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
    o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
    o.SerializerOptions.Converters.Add(new OptionalJsonConverterFactory());
    o.SerializerOptions.Converters.Add(new NulFreeStringConverter());
});
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ProblemResponses>();

// Keys in the database: a cookie or token protected by one node is readable by every other node.
builder.Services.AddDataProtection().SetApplicationName("Atende").PersistKeysToDbContext<AtendeDb>();

builder.Services.AddAuthentication(o =>
    {
        o.DefaultScheme = "Atende";
        o.DefaultChallengeScheme = "Atende";
    })
    .AddPolicyScheme("Atende", "Bearer token or cookie", o => o.ForwardDefaultSelector = context =>
        context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? ApiTokenAuthentication.SchemeName
            : IdentityConstants.ApplicationScheme)
    .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthentication>(ApiTokenAuthentication.SchemeName, null)
    .AddIdentityCookies(cookies => cookies.ApplicationCookie?.Configure(o =>
    {
        o.Cookie.Name = "atende";
        o.Cookie.SameSite = SameSiteMode.Lax;
        // API callers get status codes, not a redirect to a sign-in page.
        o.Events.OnRedirectToLogin = context =>
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Task.CompletedTask;
        };
        o.Events.OnRedirectToAccessDenied = context =>
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        };
    }));
builder.Services.AddAuthorization();
builder.Services.AddScoped<CurrentCaller>();
builder.Services.AddScoped<IdempotencyFilter>();

var signInsPerMinute = builder.Configuration.GetValue("Atende:RateLimits:SignInsPerMinute", 30);
builder.Services.AddRateLimiter(o =>
{
    o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
    // Per client address, on this node; the per-email throttle in the database covers the cluster.
    o.AddPolicy(AuthApi.SignInRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
        context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
        _ => new FixedWindowRateLimiterOptions { PermitLimit = signInsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
    o.OnRejected = async (context, ct) =>
    {
        context.HttpContext.Response.Headers.RetryAfter = "60";
        await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context.HttpContext,
            ProblemDetails = { Status = 429, Title = "Too many requests", Detail = "Too many sign-in attempts from your address. Wait a minute." },
        });
    };
});

builder.Services.AddOpenApi(o => o.AddSchemaTransformer<NulFreeStringSchema>().AddSchemaTransformer<OptionalSchemas>().AddDocumentTransformer<ApiDocument>());
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);

var app = builder.Build();

await AtendeServices.PrepareDatabaseAsync(app.Services,
    app.Configuration["ATENDE_ADMIN_EMAIL"] ?? app.Configuration["Atende:Admin:Email"],
    app.Configuration["ATENDE_ADMIN_PASSWORD"] ?? app.Configuration["Atende:Admin:Password"],
    CancellationToken.None);
if (seedDemo)
{
    await using var scope = app.Services.CreateAsyncScope();
    await scope.ServiceProvider.GetRequiredService<Atende.Demo.SeedDemo>().HandleAsync(CancellationToken.None);
}

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseMiddleware<NulCharacterGuard>();
app.UseAuthentication();
app.UseMiddleware<CallerMiddleware>();
app.UseRateLimiter();
app.UseAuthorization();

app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
app.MapScalarApiReference("/api/docs", o => o.WithTitle("Atende API").WithOpenApiRoutePattern("/openapi/{documentName}.json").DisableDefaultFonts()).AllowAnonymous();
app.MapHealth();

var api = app.MapGroup("/api/v1").RequireAuthorization();
api.MapAuthApi();
api.MapTicketsApi();
api.MapAttachmentsApi();
api.MapCustomersApi();
api.MapOrganizationsApi();
api.MapAgentsApi();
api.MapTeamsApi();
api.MapStatusesApi();
api.MapRequestTypesApi();
api.MapTagsApi();
api.MapSearchApi();
api.MapViewsApi();

app.MapGet("/", () => Results.Redirect("/api/docs")).ExcludeFromDescription();

await app.RunAsync();

/// <summary>Exposed for WebApplicationFactory in the HTTP tests.</summary>
public partial class Program;
