using Atende.Portal;

namespace Atende.Tests.Portal;

public sealed class PortalSettingsTests
{
    [Theory]
    [InlineData("#1F6FEB", "#1f6feb")]
    [InlineData(" #00aa00 ", "#00aa00")]
    [InlineData("", null)]
    public void A_brand_colour_is_kept_as_lower_case_hex(string given, string? kept)
    {
        var settings = new PortalSettings();
        settings.Brand("Client Care", given);
        Assert.Equal(kept, settings.BrandColor);
        Assert.Equal("Client Care", settings.BrandName);
    }

    [Theory]
    [InlineData("red")]
    [InlineData("#12345")]
    [InlineData("#1234567")]
    [InlineData("#123456; background:url(x)")]
    [InlineData("#12345g")]
    [InlineData("#12\n3456")]
    public void Anything_but_a_hex_colour_is_refused_because_it_lands_in_a_style_attribute(string color)
    {
        var settings = new PortalSettings();
        var e = Assert.Throws<InvalidRequestException>(() => settings.Brand(null, color));
        Assert.Contains("brandColor", e.Errors.Keys);
    }

    [Fact]
    public void A_brand_name_with_markup_is_refused()
    {
        var e = Assert.Throws<InvalidRequestException>(() => new PortalSettings().Brand("<b>Acme</b>", null));
        Assert.Contains("brandName", e.Errors.Keys);
    }

    [Fact]
    public void A_logo_must_be_a_small_image_and_each_change_bumps_its_version()
    {
        var settings = new PortalSettings();
        Assert.Throws<InvalidRequestException>(() => settings.SetLogo([1, 2, 3], "text/html"));
        Assert.Throws<InvalidRequestException>(() => settings.SetLogo(new byte[PortalSettings.MaxLogoBytes + 1], "image/png"));
        settings.SetLogo([1, 2, 3], "image/png");
        Assert.Equal(1, settings.LogoVersion);
        settings.SetLogo(null, null);
        Assert.Null(settings.Logo);
        Assert.Equal(2, settings.LogoVersion);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(366)]
    public void The_reopen_period_stays_within_a_year(int days) =>
        Assert.Throws<InvalidRequestException>(() => new PortalSettings().SetReopenDays(days));
}
