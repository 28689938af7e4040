using System.Text;
using Atende.Webhooks;

namespace Atende.Tests.Webhooks;

public sealed class WebhookDeliveryTests
{
    private static readonly DateTime Now = new(2026, 11, 24, 15, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void The_signature_is_the_lowercase_hex_hmac_sha256_of_the_body_with_the_secret()
    {
        // The RFC 4231 test case 2 vector: key "Jefe", data "what do ya want for nothing?".
        var signature = WebhookSender.Sign("Jefe", Encoding.UTF8.GetBytes("what do ya want for nothing?"));
        Assert.Equal("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", signature);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(7, 64)]
    [InlineData(8, 120)]
    [InlineData(20, 120)]
    public void The_pause_after_a_failure_doubles_and_is_capped_at_two_hours(int failedAttempts, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), WebhookDelivery.Backoff(failedAttempts));

    [Fact]
    public void A_delivery_is_parked_after_the_last_attempt_and_a_redelivery_starts_over()
    {
        var delivery = new WebhookDelivery(1, null, 7, "https://example.com/hook", null, "ticket.created", "{}", Now);
        Assert.Equal(WebhookDeliveryState.Pending, delivery.State);
        for (var attempt = 1; attempt <= WebhookDelivery.MaxAttempts; attempt++)
        {
            delivery.Attempts = attempt;
            delivery.LockedBy = "node";
            delivery.AttemptFailed(500, "HTTP 500", Now);
            Assert.Null(delivery.LockedBy);
        }
        Assert.Equal(WebhookDeliveryState.Failed, delivery.State);
        Assert.Null(delivery.NextAttemptAt);
        Assert.Equal(500, delivery.LastStatusCode);

        delivery.Redeliver(Now.AddHours(1));
        Assert.Equal(WebhookDeliveryState.Pending, delivery.State);
        Assert.Equal(0, delivery.Attempts);
        Assert.Equal(Now.AddHours(1), delivery.NextAttemptAt);

        delivery.Attempts = 1;
        delivery.Succeeded(204, Now.AddHours(1));
        Assert.Equal(WebhookDeliveryState.Delivered, delivery.State);
        Assert.Null(delivery.NextAttemptAt);
    }

    [Fact]
    public void A_long_error_is_truncated()
    {
        var delivery = new WebhookDelivery(null, 3, null, "https://example.com/hook", null, "rule", "{}", Now) { };
        delivery.Attempts = 1;
        delivery.AttemptFailed(null, new string('x', 5000), Now);
        Assert.Equal(WebhookDelivery.ErrorMaxLength, delivery.LastError!.Length);
        Assert.Equal(Now.AddMinutes(1), delivery.NextAttemptAt);
    }
}
