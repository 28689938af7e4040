namespace Atende.Demo;

/// <summary>A contact of a demo organization. <see cref="SignsIn"/> gives them the demo password for the portal.</summary>
internal sealed record DemoContactSpec(string Name, string Language, string? Notes = null, bool SignsIn = false);

internal sealed record DemoOrganizationSpec(string Name, string[] Domains, bool SharesTickets, string Notes, DemoContactSpec[] Contacts);

internal sealed record DemoAgentSpec(string Name, bool Admin, string[] Teams, string[] Skills);

/// <summary>
/// Who is in the demo: the service provider's three teams and eight agents, its five client companies and
/// their contacts, and a few people writing on their own. All domains end in ".example" (RFC 2606), so a
/// desk that later gets a mail server configured can never write to a real company.
/// </summary>
internal static class DemoPeople
{
    public const string ServiceDesk = "Service Desk";
    public const string Infrastructure = "Infraestrutura";
    public const string Applications = "Applications";

    public const string AgentDomain = "atende-demo.example";
    public const string PersonalDomain = "email.example";

    public static readonly (string Name, string Description)[] Teams =
    [
        (ServiceDesk, "First line: triage, accounts, passwords, email, onboarding and everyday questions."),
        (Infrastructure, "Redes, VPN, Wi-Fi, impressoras, servidores, backup e hardware."),
        (Applications, "Business applications: SAP, Salesforce, Power BI, client portals and integrations."),
    ];

    public static readonly DemoAgentSpec[] Agents =
    [
        new("Mariana Costa", true, [ServiceDesk, Applications], ["itil", "triage", "sla"]),
        new("Pedro Henrique Santos", false, [ServiceDesk], ["windows", "microsoft-365", "printers"]),
        new("Jessica Moore", false, [ServiceDesk], ["onboarding", "microsoft-365", "teams"]),
        new("Carlos Eduardo Lima", false, [Infrastructure], ["vpn", "firewall", "networking"]),
        new("Fábio Nunes", false, [Infrastructure], ["wifi", "hardware", "printers"]),
        new("Daniel Kowalski", false, [Infrastructure, ServiceDesk], ["linux", "backup", "vpn"]),
        new("Priscila Nogueira", false, [Applications], ["sap", "power-bi", "sql"]),
        new("Mark Sullivan", false, [Applications], ["salesforce", "api", "billing"]),
    ];

    public static readonly DemoOrganizationSpec[] Organizations =
    [
        new("Construtora Horizonte", ["construtorahorizonte.example"], true,
            "Contrato 8x5 com 45 usuários. Obras em São Paulo e Curitiba; o time de campo usa muito a VPN.",
            [
                new("Ana Beatriz Souza", DemoPhrases.Portuguese, "Key user do SAP FI.", SignsIn: true),
                new("João Pedro Oliveira", DemoPhrases.Portuguese),
                new("Camila Rodrigues", DemoPhrases.Portuguese),
                new("Rafael Almeida", DemoPhrases.Portuguese, "Diretor de obras — prioridade alta quando estiver em campo."),
                new("Juliana Carvalho", DemoPhrases.Portuguese),
                new("Thiago Ribeiro", DemoPhrases.Portuguese),
                new("Letícia Araújo", DemoPhrases.Portuguese),
                new("Marcelo Freitas", DemoPhrases.Portuguese),
                new("Robert Hayes", DemoPhrases.English, "Consultor de engenharia; escreve em inglês."),
            ]),
        new("Cooperativa Agrícola Vale Verde", ["valeverde.example", "coopvaleverde.example"], false,
            "Cooperativa com sede em Porto Alegre e 3 unidades. Faturamento por hora, com franquia de 30 h/mês.",
            [
                new("Fernanda Gomes", DemoPhrases.Portuguese, "Gerente financeira; aprova as notas de serviço."),
                new("Gustavo Martins", DemoPhrases.Portuguese),
                new("Patrícia Rocha", DemoPhrases.Portuguese),
                new("Felipe Cardoso", DemoPhrases.Portuguese),
                new("Aline Teixeira", DemoPhrases.Portuguese),
                new("Diego Nascimento", DemoPhrases.Portuguese),
                new("Renata Moreira", DemoPhrases.Portuguese),
                new("Vinícius Castro", DemoPhrases.Portuguese),
            ]),
        new("Harborline Logistics", ["harborline.example"], true,
            "Freight forwarder, offices in Boston and São Paulo. 24x7 contract for the warehouse systems.",
            [
                new("Emily Carter", DemoPhrases.English, "IT coordinator; first contact for outages.", SignsIn: true),
                new("James Whitfield", DemoPhrases.English),
                new("Olivia Bennett", DemoPhrases.English),
                new("Michael O'Connor", DemoPhrases.English),
                new("Sarah Mitchell", DemoPhrases.English),
                new("Daniel Hughes", DemoPhrases.English),
                new("Hannah Brooks", DemoPhrases.English),
                new("Beatriz Mendes", DemoPhrases.Portuguese, "Escritório de São Paulo."),
            ]),
        new("Bright Path Clinics", ["brightpathclinics.example"], false,
            "Network of 6 outpatient clinics. Patient data: never ask for screenshots of medical records.",
            [
                new("Ryan Patel", DemoPhrases.English),
                new("Chloe Anderson", DemoPhrases.English),
                new("Priya Raman", DemoPhrases.English, "Practice manager, approves access requests."),
                new("David Kim", DemoPhrases.English),
                new("Laura Fischer", DemoPhrases.English),
                new("Tom Gallagher", DemoPhrases.English),
                new("Grace Liu", DemoPhrases.English),
            ]),
        new("Lumen Tecnologia Financeira", ["lumenfin.example"], true,
            "Fintech bilíngue; integrações via API com o ERP e a plataforma de cobrança.",
            [
                new("Rodrigo Pinto", DemoPhrases.Portuguese),
                new("Gabriela Monteiro", DemoPhrases.Portuguese),
                new("André Dias", DemoPhrases.Portuguese, "Responsável técnico pelas integrações."),
                new("Nathan Reed", DemoPhrases.English),
                new("Sofia Marquez", DemoPhrases.English),
            ]),
    ];

    /// <summary>Requesters with no organization: freelancers and small clients writing from personal addresses.</summary>
    public static readonly DemoContactSpec[] Individuals =
    [
        new("Tatiane Vieira", DemoPhrases.Portuguese, "Arquiteta autônoma, contrato avulso."),
        new("Eduardo Lopes", DemoPhrases.Portuguese),
        new("Megan Walsh", DemoPhrases.English),
    ];
}
