using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Atende;
using Atende.Persistence;
using Atende.Tickets;
using Atende.Web.Api;
using Atende.Web.Components;
using Atende.Web.Components.Account;
using Atende.Web.Components.Live;
using Atende.Web.Components.Shortcuts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using MudBlazor.Services;
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

// CSS/JS of the UI (ours and MudBlazor's) are served from the build output by the static web assets manifest when
// Atende runs from a build ("dotnet run", tests), and from wwwroot when it is published; whatever the environment.
builder.WebHost.UseStaticWebAssets();

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
        o.LoginPath = "/account/sign-in";
        o.AccessDeniedPath = "/account/sign-in";
        // API callers get status codes, not a redirect to a sign-in page; people in a browser get the page.
        o.Events.OnRedirectToLogin = context =>
        {
            if (IsApi(context.Request))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            }
            else if (context.Request.Path.StartsWithSegments("/portal"))
            {
                // Customers sign in on the portal's own page, in the portal's look.
                context.Response.Redirect("/portal/sign-in?returnUrl=" + Uri.EscapeDataString(context.Request.PathBase + context.Request.Path + context.Request.QueryString));
            }
            else
            {
                context.Response.Redirect(context.RedirectUri);
            }
            return Task.CompletedTask;
        };
        o.Events.OnRedirectToAccessDenied = context =>
        {
            // An agent (or a customer on a workspace page) in a browser gets a page that says so, not a bare status.
            if (!IsApi(context.Request) && context.Request.Path.StartsWithSegments("/portal"))
            {
                context.Response.Redirect("/portal/sign-in?denied=1");
                return Task.CompletedTask;
            }
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        };
    }));
// The cookie's security stamp is checked against the account every 30 minutes (SignInManager does it): a changed
// password or turned-on two-factor ends the other sessions.
new IdentityBuilder(typeof(Atende.Accounts.UserAccount), builder.Services).AddSignInManager();
builder.Services.AddAuthorization(o =>
{
    o.AddWorkspacePolicies();
    o.AddPortalPolicies();
});
builder.Services.AddSingleton<IAuthorizationHandler, StaffRequirementHandler>();
builder.Services.AddSingleton<IAuthorizationHandler, CustomerRequirementHandler>();
builder.Services.AddScoped<CurrentCaller>();
builder.Services.AddScoped<IdempotencyFilter>();

var signInsPerMinute = builder.Configuration.GetValue("Atende:RateLimits:SignInsPerMinute", 30);
var portalFormsPerMinute = builder.Configuration.GetValue("Atende:RateLimits:PortalFormsPerMinute", 10);
builder.Services.AddRateLimiter(o =>
{
    o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
    // Per client address, on this node; the per-email throttle in the database covers the cluster.
    o.AddPolicy(AuthApi.SignInRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
        context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
        _ => new FixedWindowRateLimiterOptions { PermitLimit = signInsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
    // The portal's anonymous forms (sign-up, sign-in, reset, invitation) and their API twins: posts only, per address.
    o.AddPolicy(PortalAccountsApi.FormsRateLimit, context => HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
        ? RateLimitPartition.GetNoLimiter("reads")
        : RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = portalFormsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
    // Votes and deflections anyone may send: enough for a person, too few to stuff the counts.
    o.AddPolicy(KnowledgeBaseApi.PublicWriteRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
        context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
        _ => new FixedWindowRateLimiterOptions { PermitLimit = builder.Configuration.GetValue("Atende:RateLimits:KnowledgeVotesPerMinute", 20), Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
    o.OnRejected = async (context, ct) =>
    {
        context.HttpContext.Response.Headers.RetryAfter = "60";
        if (!IsApi(context.HttpContext.Request))
        {
            // A person at a form: a sentence in their language, not a JSON document.
            var text = context.HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<Atende.Web.Resources.PortalAccountText>>();
            context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
            await context.HttpContext.Response.WriteAsync(text["Error.TooMany"], ct);
            return;
        }
        await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context.HttpContext,
            ProblemDetails = { Status = 429, Title = "Too many requests", Detail = "Too many attempts from your address. Wait a minute." },
        });
    };
});

builder.Services.AddOpenApi(o => o.AddSchemaTransformer<NulFreeStringSchema>().AddSchemaTransformer<OptionalSchemas>().AddDocumentTransformer<ApiDocument>());
// The web UI: Blazor interactive server with MudBlazor, in English and Brazilian Portuguese.
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddCascadingAuthenticationState();
builder.Services.AddMudServices();
builder.Services.AddLocalization();
builder.Services.Configure<RequestLocalizationOptions>(o =>
{
    string[] cultures = ["en", "pt-BR"];
    o.SetDefaultCulture("en").AddSupportedCultures(cultures).AddSupportedUICultures(cultures);
    o.ApplyCurrentCultureToResponseHeaders = true;
});
builder.Services.AddScoped<UseCases>();
builder.Services.AddScoped<CookieSignIn>();
builder.Services.AddScoped<Atende.Accounts.IAccountMailText, Atende.Web.Components.Portal.Account.AccountMailWriter>();
builder.Services.AddScoped<Viewer>();
builder.Services.AddScoped<KeyboardShortcuts>();
builder.Services.AddScoped<Atende.Web.Components.Agent.Queues.QueueTrail>();
builder.Services.AddSingleton<TicketFeed>();
builder.Services.AddSingleton<TicketPresence>();
builder.Services.AddSingleton<IOutboxHandler, PublishTicketChanges>();
builder.Services.AddSingleton<NotificationFeed>();
builder.Services.AddSingleton<IOutboxHandler, PublishNotifications>();

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
// Status pages are for API clients; a browser gets the Blazor pages' own messages.
app.UseWhen(context => IsApi(context.Request), api => api.UseStatusCodePages());
app.UseRequestLocalization();
app.UseMiddleware<NulCharacterGuard>();
app.UseAuthentication();
app.UseMiddleware<CallerMiddleware>();
app.UseRateLimiter();
app.UseAuthorization();
app.UseAntiforgery();

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
api.MapCannedResponsesApi();
api.MapAutomationRulesApi();
api.MapTimersApi();
api.MapMentionsApi();
api.MapViewsApi();
api.MapNotificationsApi();
api.MapPortalAccountsApi();
api.MapPortalSettingsApi();
api.MapSurveysApi();
api.MapKnowledgeBaseApi();
api.MapWebhooksApi();
api.MapMacrosApi();
api.MapSlaApi();
api.MapReportsApi();
api.MapDashboardsApi();
api.MapMailboxesApi();
api.MapFailedMailApi();
api.MapEmailTemplatesApi();

app.MapStaticAssets();
app.MapAccountEndpoints();
app.MapPortalLogo();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.MapGet("/", () => Results.Redirect("/agent")).ExcludeFromDescription();

await app.RunAsync();

static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/health") ||
    request.Path.StartsWithSegments("/openapi");

/// <summary>Exposed for WebApplicationFactory in the HTTP tests.</summary>
public partial class Program;
