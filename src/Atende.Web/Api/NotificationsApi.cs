using Atende.Notifications;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Atende.Web.Api;

public sealed record UnreadCount(int Unread, int Cap);

public sealed record MarkedRead(int Marked);

/// <summary>/api/v1/me/notifications — the agent's bell: mentions, assignments, replies on watched tickets.</summary>
public static class NotificationsApi
{
    public static void MapNotificationsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/me/notifications").WithTags("Notifications");
        group.MapGet("/", List).WithSummary("My notifications, newest first (unread=true for the unread ones)");
        group.MapGet("/unread-count", Count).WithSummary("How many are unread, counted up to 100");
        group.MapPost("/read", MarkRead).WithSummary("Mark some (ids) or all (all: true) as read");

        var preferences = api.MapGroup("/me/notification-preferences").WithTags("Notifications");
        preferences.MapGet("/", GetPreferences).WithSummary("Which events reach my bell and my inbox, and the daily digest");
        preferences.MapPut("/", PutPreferences).WithSummary("Change them: events and channels left out keep their value");
    }

    private static async Task<Ok<NotificationPreferencesView>> GetPreferences(GetNotificationPreferences get, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await get.HandleAsync(caller.Value, ct));

    private static async Task<Ok<NotificationPreferencesView>> PutPreferences(UpdateNotificationPreferencesRequest request, UpdateNotificationPreferences update,
        CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await update.HandleAsync(request, caller.Value, ct));

    private static async Task<Ok<Page<NotificationView>>> List(
        [FromQuery] bool? unread, [FromQuery] int? limit, [FromQuery] string? cursor, ListNotifications list, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(await list.HandleAsync(new ListNotificationsRequest(unread, limit, cursor), caller.Value, ct));

    private static async Task<Ok<UnreadCount>> Count(CountUnreadNotifications count, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(new UnreadCount(await count.HandleAsync(caller.Value, ct), CountUnreadNotifications.Cap));

    private static async Task<Ok<MarkedRead>> MarkRead(MarkNotificationsReadRequest request, MarkNotificationsRead mark, CurrentCaller caller, CancellationToken ct) =>
        TypedResults.Ok(new MarkedRead(await mark.HandleAsync(request, caller.Value, ct)));
}
