using Atende.Catalog;

namespace Atende.Demo;

/// <summary>
/// The request types the demo adds to the three defaults, built from the entities because the catalog API
/// does not exist yet. Their option lists are shared with the text bank so field values and prose agree.
/// </summary>
internal static class DemoCatalog
{
    public const string AccessRequest = "access_request";
    public const string Hardware = "hardware";
    public const string Onboarding = "onboarding";

    public static readonly string[] Systems = ["SAP ERP", "Salesforce", "Jira", "Power BI", "File server", "VPN", "Microsoft 365"];

    public static readonly string[] Offices =
    [
        "São Paulo – Paulista", "São Paulo – Faria Lima", "Rio de Janeiro – Centro", "Curitiba", "Porto Alegre", "Lisbon",
        "Remote / home office",
    ];

    /// <summary>Bilingual on purpose: one form serves requesters in both languages; the text takes its half.</summary>
    public static readonly string[] Departments =
    [
        "Financeiro / Finance", "Vendas / Sales", "Operações / Operations", "Tecnologia / Technology", "RH / HR", "Jurídico / Legal",
    ];

    public static readonly string[] Equipment = ["Notebook", "Monitor", "Headset", "Docking station", "Mobile phone"];

    public static IEnumerable<RequestType> RequestTypes()
    {
        var access = new RequestType(AccessRequest, "Solicitação de acesso",
            "Peça acesso a um sistema ou pasta. / Ask for access to a system or folder.", "Requests", "vpn_key", 40);
        access.Fields.Add(new FormField("system", "Sistema", FormFieldType.Dropdown, true, Systems, 10,
            "Qual sistema você precisa acessar? / Which system do you need?"));
        access.Fields.Add(new FormField("justification", "Justificativa", FormFieldType.LongText, true, [], 20,
            "Para que você precisa do acesso. / Why you need it."));
        access.Fields.Add(new FormField("startDate", "Data de início", FormFieldType.Date, false, [], 30,
            "A partir de quando. / From when."));

        var hardware = new RequestType(Hardware, "Hardware", "A laptop, monitor or other device is broken or missing.", "Support", "computer", 50);
        hardware.Fields.Add(new FormField("computerNumber", "Computer number", FormFieldType.Text, true, [], 10,
            "The asset tag on the sticker under the laptop, e.g. NB-10423."));
        hardware.Fields.Add(new FormField("location", "Location", FormFieldType.Dropdown, true, Offices, 20, null));
        hardware.Fields.Add(new FormField("photo", "Photo of the device", FormFieldType.File, false, [], 30,
            "Optional: a picture of the screen or the damage helps us bring the right part."));

        var onboarding = new RequestType(Onboarding, "New hire onboarding",
            "Accounts, equipment and access for someone joining the company.", "Requests", "person_add", 60);
        onboarding.Fields.Add(new FormField("employeeName", "Employee name", FormFieldType.Text, true, [], 10, null));
        onboarding.Fields.Add(new FormField("startDate", "Start date", FormFieldType.Date, true, [], 20, null));
        onboarding.Fields.Add(new FormField("department", "Department", FormFieldType.Dropdown, true, Departments, 30, null));
        onboarding.Fields.Add(new FormField("equipment", "Equipment", FormFieldType.MultiSelect, false, Equipment, 40, null));
        onboarding.Fields.Add(new FormField("managerEmail", "Manager email", FormFieldType.Email, true, [], 50,
            "Who approves the accounts and access."));
        onboarding.Fields.Add(new FormField("needsVpn", "Needs VPN", FormFieldType.Checkbox, false, [], 60, null));

        return [access, hardware, onboarding];
    }
}
