using System.Globalization;
using Atende.Web.Components.Portal;
using Atende.Web.Resources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Atende.Web.Tests.Portal;

/// <summary>The domain's English rule messages reach a customer in their own language.</summary>
public sealed class CustomerErrorsTests(AtendeFactory factory) : IClassFixture<AtendeFactory>
{
    [Theory]
    [InlineData("en", "is required.", "This field is required.")]
    [InlineData("pt-BR", "is required.", "Este campo é obrigatório.")]
    [InlineData("pt-BR", "must be at most 2500 characters.", "Muito longo: no máximo 2.500 caracteres.")]
    [InlineData("en", "must be one of: Lisbon, Boston.", "Choose one of the options.")]
    [InlineData("pt-BR", "must be an email address.", "Informe um endereço de e-mail válido.")]
    [InlineData("pt-BR", "files of type .exe are not accepted.", "Arquivos deste tipo não são aceitos.")]
    [InlineData("en", "is not an unused upload of yours.", "This file could not be used; upload it again.")]
    [InlineData("pt-BR", "must have at most 20 files.", "Anexe no máximo 20 arquivos.")]
    [InlineData("pt-BR", "something the portal has never heard of.", "Este valor não é válido.")]
    public void A_rule_message_is_shown_in_the_customers_language(string language, string message, string expected)
    {
        var previous = CultureInfo.CurrentUICulture;
        var previousFormat = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(language);
            var localizer = factory.Services.GetRequiredService<IStringLocalizer<PortalText>>();
            Assert.Equal(expected, CustomerErrors.Localize(message, localizer));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
            CultureInfo.CurrentCulture = previousFormat;
        }
    }
}
