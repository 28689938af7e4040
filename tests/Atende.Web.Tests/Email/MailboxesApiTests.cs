using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Atende.Email;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Atende.Web.Tests.Email;

/// <summary>The application with the background poller off: the tests poll themselves.</summary>
public sealed class MailboxFactory : AtendeFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Atende:Mailboxes:Enabled"] = "false",
        ["Atende:Mailboxes:BatchSize"] = "4",
    };
}

/// <summary>A second node on the database of a <see cref="MailboxFactory"/>, its background poller off too.</summary>
public sealed class MailboxNode(AtendeFactory shared) : AtendeFactory(shared)
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Atende:Mailboxes:Enabled"] = "false" };
}

public sealed class MailboxesApiTests(MailboxFactory factory) : IClassFixture<MailboxFactory>
{
    private const string Password = "imap-secret-42";

    [Fact]
    public async Task Only_admins_manage_mailboxes_and_passwords_are_protected_and_never_returned()
    {
        var desk = await Desk.BuildAsync(factory);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.AgentInSupport.GetAsync("/api/v1/mailboxes")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.AgentInSupport.PostAsJsonAsync("/api/v1/mailboxes", Body(desk, "x"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.Ana.GetAsync("/api/v1/mailboxes")).StatusCode);

        var response = await desk.Admin.PostAsJsonAsync("/api/v1/mailboxes", Body(desk, "help"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var raw = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(Password, raw, StringComparison.Ordinal);
        Assert.DoesNotContain("\"password\"", raw, StringComparison.Ordinal);
        var created = JsonNode.Parse(raw)!;
        var id = created["id"]!.GetValue<int>();
        Assert.Equal($"help.{desk.Suffix}@desk.example", created["address"]!.GetValue<string>());
        Assert.True(created["inbound"]!["hasPassword"]!.GetValue<bool>());
        Assert.Equal("imap", created["inbound"]!["protocol"]!.GetValue<string>());
        Assert.Equal("starttls", created["inbound"]!["security"]!.GetValue<string>());
        Assert.Equal(143, created["inbound"]!["port"]!.GetValue<int>());
        Assert.Equal("move", created["inbound"]!["afterImport"]!.GetValue<string>());
        Assert.Equal("Done", created["inbound"]!["moveTo"]!.GetValue<string>());
        Assert.Null(created["outbound"]);
        Assert.Equal(desk.SupportTeamId, created["teamId"]!.GetValue<int>());
        Assert.Equal("high", created["priority"]!.GetValue<string>());

        await using (var db = factory.CreateDb())
        {
            var stored = await db.Mailboxes.SingleAsync(m => m.Id == id);
            Assert.NotNull(stored.ProtectedInboundPassword);
            Assert.DoesNotContain(Password, stored.ProtectedInboundPassword, StringComparison.Ordinal);
            Assert.Equal(Password, stored.InboundPassword(factory.Services.GetRequiredService<IDataProtectionProvider>()));
        }

        var listed = await desk.Admin.GetStringAsync("/api/v1/mailboxes");
        Assert.Contains($"help.{desk.Suffix}@desk.example", listed, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, listed, StringComparison.Ordinal);

        // PATCH: only what is sent changes; an outbound account is added; "password": null removes one.
        var patched = await (await desk.Admin.PatchAsJsonAsync($"/api/v1/mailboxes/{id}", new
        {
            inbound = new { pollSeconds = 60, password = (string?)null },
            outbound = new { host = "smtp.desk.example", security = "ssl", username = "help", password = "smtp-secret-9" },
            priority = "low",
        })).JsonAsync();
        Assert.Equal(60, patched["inbound"]!["pollSeconds"]!.GetValue<int>());
        Assert.False(patched["inbound"]!["hasPassword"]!.GetValue<bool>());
        Assert.Equal("imap.desk.example", patched["inbound"]!["host"]!.GetValue<string>());
        Assert.Equal("smtp.desk.example", patched["outbound"]!["host"]!.GetValue<string>());
        Assert.Equal(465, patched["outbound"]!["port"]!.GetValue<int>());
        Assert.True(patched["outbound"]!["hasPassword"]!.GetValue<bool>());
        Assert.Equal("low", patched["priority"]!.GetValue<string>());
        Assert.Equal("help", patched["name"]!.GetValue<string>());

        var cleared = await (await desk.Admin.PatchAsJsonAsync($"/api/v1/mailboxes/{id}", new { outbound = (object?)null })).JsonAsync();
        Assert.Null(cleared["outbound"]);

        Assert.Equal(HttpStatusCode.NoContent, (await desk.Admin.DeleteAsync($"/api/v1/mailboxes/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await desk.Admin.GetAsync($"/api/v1/mailboxes/{id}")).StatusCode);
    }

    [Fact]
    public async Task Invalid_settings_are_reported_at_their_fields()
    {
        var desk = await Desk.BuildAsync(factory);
        var response = await desk.Admin.PostAsJsonAsync("/api/v1/mailboxes", new
        {
            name = "",
            address = "not an address",
            inbound = new { protocol = "smtp", host = "imap://x", port = 70000, security = "maybe", username = "", pollSeconds = 1, afterImport = "move" },
            teamId = 999_999,
            requestType = "no-such-type",
            priority = "whenever",
        });
        var fields = await response.ErrorFieldsAsync();
        foreach (var field in new[]
                 {
                     "name", "address", "inbound.protocol", "inbound.host", "inbound.port", "inbound.security", "inbound.username",
                     "inbound.pollSeconds", "inbound.moveTo", "teamId", "requestType", "priority",
                 })
        {
            Assert.Contains(field, fields);
        }

        var pop = await desk.Admin.PostAsJsonAsync("/api/v1/mailboxes", new
        {
            name = "Pop",
            address = $"pop.{desk.Suffix}@desk.example",
            inbound = new { protocol = "pop3", host = "pop.desk.example", username = "u", afterImport = "markSeen" },
        });
        Assert.Equal(["inbound.afterImport"], await pop.ErrorFieldsAsync());

        Assert.Equal(HttpStatusCode.Created, (await desk.Admin.PostAsJsonAsync("/api/v1/mailboxes", Body(desk, "twice"))).StatusCode);
        var twice = await desk.Admin.PostAsJsonAsync("/api/v1/mailboxes", Body(desk, "twice"));
        Assert.Equal(["address"], await twice.ErrorFieldsAsync());
    }

    private static object Body(Desk desk, string local) => new
    {
        name = local,
        address = $"{local}.{desk.Suffix}@Desk.Example",
        inbound = new
        {
            protocol = "imap", host = "IMAP.desk.example", security = "starttls", username = "help", password = Password,
            folder = "INBOX", pollSeconds = 30, afterImport = "move", moveTo = "Done",
        },
        teamId = desk.SupportTeamId,
        priority = "high",
    };
}
