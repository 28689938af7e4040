using System.Diagnostics;
using System.Globalization;
using Atende.Bench.Generation;
using Atende.Email;
using Atende.Persistence;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Atende.Bench;

/// <summary>
/// `ingest`: issue 6's benchmark. Puts <c>--messages</c> realistic mails (English and Portuguese, a fifth of them
/// replies to earlier ones) into a fresh folder of a Dovecot user with IMAP MULTIAPPEND, then times the import of all of
/// them by <see cref="MailboxPoller"/> (fetch by UID, ImportMail, delete + expunge) into the database, and prints
/// messages per second and memory. Target: 200 messages/s on SQLite and PostgreSQL on the 2-core machine.
///   ingest --database sqlite|postgres [--connection "..."] [--messages 10000] [--imap 127.0.0.1:51143] [--user support] [--imap-password atende]
/// The IMAP address defaults to ATENDE_TEST_IMAP (eng/services/mail.sh env). Use an empty database.
/// </summary>
internal static class MailIngest
{
    public static async Task<int> ExecuteAsync(string[] args, TextWriter log)
    {
        GenerateOptions database;
        try
        {
            database = GenerateOptions.Parse(args);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            await log.WriteLineAsync("ingest: " + e.Message);
            return 2;
        }
        string Value(string name, string fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }
        var count = int.Parse(Value("--messages", "10000"), CultureInfo.InvariantCulture);
        var imap = Value("--imap", Environment.GetEnvironmentVariable("ATENDE_TEST_IMAP") ?? "127.0.0.1:51143");
        var host = imap[..imap.LastIndexOf(':')];
        var port = int.Parse(imap[(imap.LastIndexOf(':') + 1)..], CultureInfo.InvariantCulture);
        var user = Value("--user", "support");
        var password = Value("--imap-password", Environment.GetEnvironmentVariable("ATENDE_TEST_MAIL_PASSWORD") ?? "atende");

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = database.Provider == "postgres" ? "Postgres" : "Sqlite",
            ["ConnectionStrings:Atende"] = database.ConnectionString,
            ["Atende:Mailboxes:BatchSize"] = "200",
            ["Atende:Mailboxes:MaxPollSeconds"] = "3600",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddDataProtection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddAtende(configuration, Directory.GetCurrentDirectory());
        await using var provider = services.BuildServiceProvider();
        await AtendeServices.PrepareDatabaseAsync(provider, database.AdminEmail, database.AdminPassword, CancellationToken.None);

        var folder = $"ingest-{Guid.NewGuid():N}"[..20];
        var fill = Stopwatch.StartNew();
        await FillAsync(host, port, user, password, folder, count);
        fill.Stop();
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"filled  {count,7} mails into {user}/{folder} by IMAP MULTIAPPEND in {fill.Elapsed.TotalSeconds,6:F1} s = {count / fill.Elapsed.TotalSeconds,8:F0}/s"));

        int mailboxId;
        await using (var scope = provider.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AtendeDb>();
            var mailbox = new Mailbox("Bench", $"{folder}@desk.example", DateTime.UtcNow)
            {
                InboundHost = host,
                InboundPort = port,
                InboundSecurity = MailSecurity.None,
                InboundUsername = user,
                ProtectedInboundPassword = Mailbox.ProtectPassword(scope.ServiceProvider.GetRequiredService<IDataProtectionProvider>(), password),
                Folder = folder,
                AfterImport = AfterImport.Delete,
            };
            db.Mailboxes.Add(mailbox);
            await db.SaveChangesAsync();
            mailboxId = mailbox.Id;
        }

        var poller = provider.GetRequiredService<MailboxPoller>();
        GC.Collect();
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var import = Stopwatch.StartNew();
        var imported = 0;
        while (await poller.PollMailboxAsync(mailboxId, force: true, CancellationToken.None) is { } outcome)
        {
            imported += outcome.Imported;
            if (outcome.Error is not null)
            {
                await log.WriteLineAsync("ingest: poll failed: " + outcome.Error);
                return 1;
            }
            if (outcome.Imported == 0)
            {
                break;
            }
        }
        import.Stop();
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds;
        var allocated = (GC.GetTotalAllocatedBytes() - allocatedBefore) / (1024.0 * 1024);
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"imported {imported,6} mails in {import.Elapsed.TotalSeconds,6:F1} s = {imported / import.Elapsed.TotalSeconds,8:F0}/s ({database.Provider}, poller + ImportMail, delete after import)"));
        // On a shared machine the wall clock mostly measures the other processes; CPU time per mail is this process' own cost.
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"cpu: {cpu / Math.Max(1, imported):F1} ms per mail in this process = {imported / Math.Max(0.001, cpu / 1000):F0} mails per CPU-second; load average {LoadAverage()}"));
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"memory: peak working set {PeakMiB():F0} MiB, managed heap now {GC.GetTotalMemory(false) / (1024.0 * 1024):F0} MiB, allocated during import {allocated:F0} MiB ({allocated * 1024 / Math.Max(1, imported):F0} KiB/mail)"));
        return imported >= count ? 0 : 1;
    }

    private static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "?";
        }
    }

    /// <summary>VmHWM from /proc (Linux): the most memory the process held at once.</summary>
    private static double PeakMiB()
    {
        try
        {
            var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            if (line is not null)
            {
                return double.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024;
            }
        }
        catch (IOException)
        {
        }
        return Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024);
    }

    private static async Task FillAsync(string host, int port, string user, string password, string folder, int count)
    {
        using var client = new ImapClient { Timeout = 120_000 };
        await client.ConnectAsync(host, port, SecureSocketOptions.None);
        await client.AuthenticateAsync(user, password);
        var target = await client.GetFolder(client.PersonalNamespaces[0]).CreateAsync(folder, isMessageFolder: true)
            ?? throw new InvalidOperationException($"Could not create {folder}.");
        await target.OpenAsync(FolderAccess.ReadWrite);
        var random = new Random(42);
        var sent = new List<(string MessageId, string From, string Subject)>();
        const int Chunk = 500;
        for (var done = 0; done < count; done += Chunk)
        {
            var requests = new List<IAppendRequest>();
            for (var i = done; i < Math.Min(count, done + Chunk); i++)
            {
                requests.Add(new AppendRequest(Mail(i, random, sent), MessageFlags.None));
            }
            // MULTIAPPEND: one command for the whole chunk (MailKit falls back to one APPEND each where unsupported).
            await target.AppendAsync(requests);
        }
        await client.DisconnectAsync(true);
    }

    private static readonly (string Subject, string Body)[] English =
    [
        ("VPN drops every ten minutes", "Hi team,\n\nsince Monday the VPN disconnects every ten minutes for everyone in the Leeds office. We restarted the router already.\n\nThanks,"),
        ("Invoice 2291 shows the wrong VAT", "Hello,\n\nthe invoice we received this morning applies 23% VAT instead of 20%. Could you send a corrected one?\n\nBest regards,"),
        ("Cannot log in to the portal", "Good morning,\n\nI reset my password twice and the portal still says the credentials are invalid. Browser: Firefox 132.\n\nCheers,"),
        ("Printer on floor 3 is offline", "Hi,\n\nthe printer next to the kitchen has been offline since yesterday afternoon. It shows error E-302.\n\nRegards,"),
    ];

    private static readonly (string Subject, string Body)[] Portuguese =
    [
        ("Sistema de ponto fora do ar", "Bom dia,\n\no sistema de ponto eletrônico não abre desde as 8h. Os funcionários não conseguem registrar a entrada.\n\nObrigado,"),
        ("Nota fiscal com CNPJ errado", "Olá,\n\na nota fiscal 4471 saiu com o CNPJ da filial de Campinas, mas o pedido foi da matriz. Podem corrigir?\n\nAtenciosamente,"),
        ("Acesso ao e-mail bloqueado", "Oi, pessoal,\n\nmeu acesso ao e-mail foi bloqueado depois de trocar a senha no celular. Já tentei três vezes.\n\nAbraço,"),
        ("Lentidão no ERP", "Boa tarde,\n\no ERP está muito lento para emitir pedidos desde a atualização de ontem. Cada tela leva mais de 30 segundos.\n\nGrato,"),
    ];

    private static MimeMessage Mail(int i, Random random, List<(string MessageId, string From, string Subject)> sent)
    {
        var message = new MimeMessage();
        var portuguese = i % 2 == 1;
        var messageId = $"bench.{i}.{Guid.NewGuid():N}@client.example";
        string from, subject, body;
        // A fifth are the customer writing again on an earlier thread: In-Reply-To/References, quoted original below.
        if (sent.Count > 20 && random.Next(5) == 0)
        {
            var earlier = sent[random.Next(sent.Count)];
            from = earlier.From;
            subject = "Re: " + earlier.Subject;
            body = (portuguese ? "Alguma novidade? O problema continua.\n\n" : "Any news? The problem is still there.\n\n")
                   + $"On Mon, 2 Nov 2026 at 10:{i % 60:00}, {from} wrote:\n> {earlier.Subject}\n";
            message.InReplyTo = earlier.MessageId;
            message.References.Add(earlier.MessageId);
        }
        else
        {
            var (s, b) = portuguese ? Portuguese[random.Next(Portuguese.Length)] : English[random.Next(English.Length)];
            from = $"customer{random.Next(500)}@client{random.Next(40)}.example";
            subject = $"{s} ({i})";
            body = b + "\n" + (portuguese ? "Cliente " : "Customer ") + i;
            sent.Add((messageId, from, subject));
        }
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse("support@desk.example"));
        message.Subject = subject;
        message.MessageId = messageId;
        message.Date = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero).AddSeconds(i);
        message.Body = new TextPart("plain") { Text = body };
        return message;
    }
}
