using System.Net;

namespace Atende.Web.Tests.People;

/// <summary>
/// A database of its own: the rule is about the only administrator left, so no other test may add one, and a
/// failure here (an administrator demoted after all) must not take the rights of other tests' admin client.
/// </summary>
public sealed class LastAdministratorTests(AtendeFactory factory) : IClassFixture<AtendeFactory>
{
    private static string Url(int id) => $"/api/v1/agents/{id}";

    [Fact]
    public async Task The_last_active_administrator_can_be_neither_demoted_nor_deactivated()
    {
        var desk = await Desk.BuildAsync(factory);
        var me = await desk.Admin.AgentIdAsync();
        var (active, _) = await desk.Admin.ReadAllPagesAsync("/api/v1/agents?active=true", 200);
        var admins = new List<int>();
        foreach (var id in active)
        {
            if ((await desk.Admin.GetJsonAsync(Url(id)))["role"]!.GetValue<string>() == "admin")
            {
                admins.Add(id);
            }
        }
        Assert.Equal([me], admins);

        var demote = await desk.Admin.PatchAsJsonAsync(Url(me), new { role = "agent" });
        Assert.Equal(HttpStatusCode.Conflict, demote.StatusCode);
        Assert.Contains("last active administrator", await demote.ProblemDetailAsync());
        Assert.Equal(HttpStatusCode.Conflict, (await desk.Admin.DeleteAsync(Url(me))).StatusCode);
        // Setting the role it already has is no demotion.
        Assert.Equal("admin", (await desk.Admin.ChangeAsync(Url(me), new { role = "admin" }))["role"]!.GetValue<string>());

        // A deactivated administrator does not count.
        var former = (await desk.Admin.CreateAsync("/api/v1/agents", new { email = $"former.{desk.Suffix}@desk.example", name = "Former", role = "admin" })).Id();
        Assert.Equal(HttpStatusCode.NoContent, (await desk.Admin.DeleteAsync(Url(former))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await desk.Admin.PatchAsJsonAsync(Url(me), new { role = "agent" })).StatusCode);

        var admin = await desk.Admin.GetJsonAsync(Url(me));
        Assert.Equal("admin", admin["role"]!.GetValue<string>());
        Assert.True(admin["active"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.OK, (await desk.Admin.GetAsync("/api/v1/me")).StatusCode);

        // With a second active administrator, either may step down; the rule holds again once one is left.
        var secondEmail = $"second.{desk.Suffix}@desk.example";
        var second = (await desk.Admin.CreateAsync("/api/v1/agents", new { email = secondEmail, name = "Second", role = "admin", password = Desk.Password })).Id();
        var secondClient = await desk.SignInAsync(secondEmail, Desk.Password);
        Assert.Equal("agent", (await desk.Admin.ChangeAsync(Url(second), new { role = "agent" }))["role"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, (await desk.Admin.DeleteAsync(Url(me))).StatusCode);
        await desk.Admin.ChangeAsync(Url(second), new { role = "admin" });
        Assert.Equal("agent", (await secondClient.ChangeAsync(Url(me), new { role = "agent" }))["role"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.Admin.DeleteAsync(Url(second))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await secondClient.PatchAsJsonAsync(Url(second), new { role = "agent" })).StatusCode);
        Assert.Equal("admin", (await secondClient.ChangeAsync(Url(me), new { role = "admin" }))["role"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NoContent, (await desk.Admin.DeleteAsync(Url(second))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await desk.Admin.DeleteAsync(Url(me))).StatusCode);
    }
}
