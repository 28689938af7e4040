using Atende.KnowledgeBase;
using Atende.Persistence;

namespace Atende.Demo;

/// <summary>A small help center for the demo: three categories, articles in English with Portuguese translations, one internal.</summary>
internal static class DemoArticles
{
    private sealed record Entry(string Category, string Title, string Body, string? PortugueseTitle = null, string? PortugueseBody = null, bool Internal = false);

    private static readonly (string Name, string Description, string PortugueseName, string PortugueseDescription)[] Categories =
    [
        ("Accounts and sign-in", "Passwords, two-factor authentication and access to the portal.",
            "Contas e acesso", "Senhas, autenticação em dois fatores e acesso ao portal."),
        ("Network and VPN", "Wi-Fi, VPN and remote access.", "Rede e VPN", "Wi-Fi, VPN e acesso remoto."),
        ("Devices and printers", "Laptops, phones, printers and peripherals.",
            "Dispositivos e impressoras", "Notebooks, celulares, impressoras e periféricos."),
    ];

    private static readonly Entry[] Entries =
    [
        new("Accounts and sign-in", "Reset your password",
            """
            If you forgot your password, you can choose a new one yourself:

            1. Open the sign-in page and choose **Forgot your password?**
            2. Type the email address of your account.
            3. Open the link we send you (it works for one hour) and choose a new password of at least 12 characters.

            The link did not arrive? Check the spam folder, then send us a request.
            """,
            "Redefinir sua senha",
            """
            Se você esqueceu sua senha, pode escolher uma nova sozinho:

            1. Abra a página de acesso e escolha **Esqueceu sua senha?**
            2. Digite o e-mail da sua conta.
            3. Abra o link que enviamos (válido por uma hora) e escolha uma nova senha com pelo menos 12 caracteres.

            O link não chegou? Verifique a pasta de spam e depois envie uma solicitação.
            """),
        new("Accounts and sign-in", "Turn on two-factor authentication",
            """
            Two-factor authentication protects your account even when someone learns your password.

            - Open **Settings › Security** and choose **Turn on**.
            - Scan the QR code with an authenticator app (for example Aegis, Authy or Google Authenticator).
            - Type the six-digit code the app shows, and keep the recovery codes in a safe place.
            """,
            "Ativar a autenticação em dois fatores",
            """
            A autenticação em dois fatores protege sua conta mesmo quando alguém descobre sua senha.

            - Abra **Configurações › Segurança** e escolha **Ativar**.
            - Leia o código QR com um aplicativo autenticador (por exemplo Aegis, Authy ou Google Authenticator).
            - Digite o código de seis dígitos mostrado pelo aplicativo e guarde os códigos de recuperação em local seguro.
            """),
        new("Network and VPN", "Connect to the office VPN",
            """
            You need the VPN to reach internal systems from home.

            1. Install the **WireGuard** client from your app store.
            2. Import the configuration file we sent you by email.
            3. Turn the tunnel on. The icon shows *Active* when you are connected.

            **The VPN disconnects every hour?** Your certificate has expired: import the new configuration from the portal.
            """,
            "Conectar à VPN do escritório",
            """
            Você precisa da VPN para acessar os sistemas internos de casa.

            1. Instale o cliente **WireGuard** pela loja de aplicativos.
            2. Importe o arquivo de configuração que enviamos por e-mail.
            3. Ative o túnel. O ícone mostra *Ativo* quando você está conectado.

            **A VPN desconecta a cada hora?** Seu certificado expirou: importe a nova configuração pelo portal.
            """),
        new("Network and VPN", "Wi-Fi for guests",
            """
            Guests use the network **Office-Guest**. The password changes every Monday and is shown at the reception.
            The guest network reaches the internet only, never internal systems.
            """),
        new("Devices and printers", "Printer shows error E-42",
            """
            Error **E-42** means paper is stuck in the rear tray.

            1. Turn the printer off.
            2. Open the rear door and pull the paper out slowly, with both hands.
            3. Close the door and turn the printer on again.

            If the error comes back, send us a request with the printer's asset tag.
            """,
            "Impressora mostra o erro E-42",
            """
            O erro **E-42** significa papel preso na bandeja traseira.

            1. Desligue a impressora.
            2. Abra a porta traseira e puxe o papel devagar, com as duas mãos.
            3. Feche a porta e ligue a impressora novamente.

            Se o erro voltar, envie uma solicitação com a etiqueta de patrimônio da impressora.
            """),
        new("Devices and printers", "Request a new laptop",
            """
            Laptops are replaced every four years, or sooner when one breaks.
            Open a request of type **Hardware request**, tell us the model you have now and why you need a new one.
            Your manager approves it; delivery takes about five working days.
            """),
        new("Devices and printers", "Escalating a hardware failure to the vendor",
            """
            For agents: when a laptop under warranty fails, open a case on the vendor portal with the serial number,
            attach the diagnostics report and link the vendor case number in an internal note on the ticket.
            """, Internal: true),
    ];

    public static async Task AddAsync(AtendeDb db, DateTime now, CancellationToken ct)
    {
        var categories = new Dictionary<string, KnowledgeCategory>();
        var position = 0;
        foreach (var (name, description, portugueseName, portugueseDescription) in Categories)
        {
            var category = new KnowledgeCategory(name, description, null, ++position, now);
            category.TranslateToPortuguese(portugueseName, portugueseDescription);
            db.KnowledgeCategories.Add(category);
            categories[name] = category;
        }
        await db.SaveChangesAsync(ct);

        var articles = new List<KnowledgeArticle>();
        foreach (var entry in Entries)
        {
            var english = Published(new KnowledgeArticle(entry.Title, Trim(entry.Body), categories[entry.Category].Id, KnowledgeLanguage.English, null, null, null, now), entry.Internal, now);
            db.KnowledgeArticles.Add(english);
            await db.SaveChangesAsync(ct);
            articles.Add(english);
            if (entry.PortugueseTitle is not null)
            {
                var portuguese = Published(new KnowledgeArticle(entry.PortugueseTitle, Trim(entry.PortugueseBody!), english.CategoryId, KnowledgeLanguage.Portuguese, english.Id, null, null, now), entry.Internal, now);
                db.KnowledgeArticles.Add(portuguese);
                articles.Add(portuguese);
            }
        }
        await db.SaveChangesAsync(ct);
        foreach (var article in articles)
        {
            await ArticleIndex.RefreshAsync(db, article, ct);
        }
        await db.SaveChangesAsync(ct);
    }

    private static KnowledgeArticle Published(KnowledgeArticle article, bool isInternal, DateTime now)
    {
        article.ShowTo(isInternal ? ArticleVisibility.Internal : ArticleVisibility.Public, now);
        article.Publish(now);
        return article;
    }

    private static string Trim(string body) => body.Trim();
}
