namespace Atende.Bench.Generation;

/// <summary>
/// The words the generated desk speaks: support topics in English and Brazilian Portuguese, written the way
/// customers and agents write, with slots that vary per ticket (systems, error codes, sites, numbers) so that
/// common words are very common and codes and names form the long tail a real search index holds.
/// </summary>
internal static class Corpus
{
    public sealed record Topic(string[] Subjects, string[] Problems, string[] Details, string[] AgentReplies, string[] CustomerReplies, string[] Notes);

    public static readonly string[] Systems = ["SAP", "Salesforce", "Power BI", "Outlook", "Teams", "SharePoint", "OneDrive", "Jira", "Protheus", "TOTVS", "Oracle EBS", "Zoom", "Slack", "AutoCAD", "Revit", "QuickBooks", "Workday", "ServiceNow", "Citrix", "Tableau"];
    public static readonly string[] Devices = ["notebook Dell Latitude 5440", "ThinkPad T14", "MacBook Air", "HP EliteBook 840", "iPhone 14", "Galaxy S23", "impressora HP LaserJet M404", "Epson L3250", "monitor LG 27UL500", "headset Jabra Evolve2", "docking station WD19", "scanner Fujitsu fi-7160"];
    public static readonly string[] Sites = ["São Paulo", "Curitiba", "Porto Alegre", "Belo Horizonte", "Recife", "Campinas", "Florianópolis", "Rio de Janeiro", "Lisbon", "Austin", "Toronto", "Manaus", "Goiânia", "Salvador"];
    public static readonly string[] Errors = ["0x80070005", "0x8004010F", "ERR_CONNECTION_RESET", "HTTP 503", "HTTP 401", "ORA-12170", "SSL_ERROR_BAD_CERT_DOMAIN", "STOP 0x0000007E", "AADSTS50076", "550 5.7.1", "E_ACCESSDENIED", "timeout 10060", "código 809", "erro 720", "DNS_PROBE_FINISHED_NXDOMAIN"];

    public static readonly Topic[] English =
    [
        new(["VPN drops every {n} minutes", "Cannot connect to the VPN from {site}", "VPN very slow since the update", "GlobalProtect keeps asking for the password"],
            ["Since Monday the VPN disconnects every {n} minutes when I work from home.", "I cannot connect to the VPN at all; the client shows {err}.", "The VPN connects but every internal site times out."],
            ["I already restarted the router and the {device}.", "It happens on Wi-Fi and on the phone's hotspot too.", "My colleagues in {site} have the same problem.", "I need it working before the closing on Friday."],
            ["Could you send us the log from the VPN client (Settings, Troubleshooting, Collect logs)?", "We pushed a new gateway certificate this morning; please reconnect and let us know.", "I reset your VPN profile. Please sign out, sign in again and try once more.", "The gateway in {site} was overloaded; we moved you to the backup gateway."],
            ["Attached the log, the error was {err} again.", "It works now, thank you!", "Still dropping, this time after {n} minutes.", "Same behaviour after the reset."],
            ["Gateway {site} at 92% sessions, opened a change to add capacity.", "Known issue with client 6.1 on Windows 11 23H2; workaround is 6.0.8.", "Escalating to Infra: MTU mismatch suspected."]),
        new(["Printer on the {n}th floor not printing", "Print jobs stuck in the queue", "Scanner sends empty PDFs", "Printer asks for a PIN I never set"],
            ["The {device} shows 'ready' but nothing comes out.", "Every job stays in the queue with status error.", "Scans arrive in my mailbox as empty PDFs of 1 KB."],
            ["We have a client meeting in {n} hours and need to print the proposal.", "Other people on the floor can print normally.", "I tried removing and adding the printer again."],
            ["I cleared the print spooler on the server; please try again.", "The printer was offline in the print server; it is back now.", "We replaced the toner and the fuser; please confirm it prints.", "Please install the updated driver from the Software Center."],
            ["Printed fine now, thanks.", "Still stuck, the job says {err}.", "Scans are fine again.", "It printed once and then stopped again."],
            ["Fuser at end of life on the {device}; ordered a replacement.", "Spooler crash on PRINT01 again, third time this month.", "Driver 7.2 breaks duplex; rolled back."]),
        new(["Password expired and I am locked out", "MFA prompt loops forever", "New phone, need to move the authenticator", "Account locked after password change"],
            ["My password expired during the weekend and now I cannot sign in to {system}.", "After I changed my password, my account is locked every few minutes.", "The MFA prompt keeps coming back and I never reach my mailbox; the error is {err}."],
            ["I am travelling and only have my phone.", "This blocks me from approving invoices today.", "It started after I changed phones."],
            ["I unlocked your account and sent a temporary password by SMS.", "An old session on your previous phone kept trying the old password; please remove the account there.", "I reset your MFA registration; please register the authenticator again at the next sign-in.", "Please confirm your identity by replying with the last four digits of your employee number."],
            ["Done, I can sign in now.", "It locked again after {n} minutes.", "Thanks, the authenticator works.", "Confirmed, the digits are {n}."],
            ["Lockouts come from an ActiveSync device; told the user to remove it.", "Identity verified by phone callback.", "Conditional access policy blocks sign-ins from {site}; checking with security."]),
        new(["{system} is very slow this morning", "Report in {system} fails with {err}", "Cannot open {system} after the update", "{system} export to Excel broken"],
            ["{system} takes more than {n} seconds to open any screen.", "The monthly report in {system} fails with {err}.", "Since the update last night {system} closes right after the splash screen."],
            ["It affects the whole finance team.", "We need the numbers for the board meeting tomorrow.", "It worked yesterday afternoon."],
            ["The database server was running a backup during business hours; we moved it to the night window.", "There was a bad release of {system}; it was rolled back at 10:40.", "Please clear the cache (Ctrl+F5) and try again; the report was fixed.", "We opened a case with the vendor, reference {n}."],
            ["Faster now, thank you.", "The report runs again.", "Still slow for me in {site}.", "Any news from the vendor?"],
            ["Blocking locks on the reporting DB; killed session {n}.", "Vendor confirms bug in 2024.2, fix in the next patch.", "Workaround: run the report with fewer than 50k lines."]),
        new(["New hire starting on Monday", "Access request for {system}", "Please remove access for a leaver", "Need a shared mailbox for the {site} team"],
            ["We have a new colleague starting on Monday in {site} and need an account, a {device} and access to {system}.", "Please give me access to {system} with the same profile as my manager.", "A colleague left the company on Friday; please remove all access."],
            ["The cost center is {n}.", "Manager approval is attached.", "The start date cannot move."],
            ["The account is created; the temporary password goes to the manager by SMS.", "Access to {system} needs the approval of the system owner; I forwarded the request.", "All access was removed and the mailbox was converted to a shared mailbox for 30 days.", "The {device} is ready for pickup at the service desk."],
            ["Thanks, everything ready for Monday.", "The approval was sent.", "Can you also add access to {system}?", "Picked up the laptop, thank you."],
            ["Onboarding checklist complete except badge.", "Waiting for the owner of {system} to approve.", "Leaver: license reclaimed, mailbox converted."]),
        new(["Email to a client bounces with {err}", "Not receiving external emails", "Calendar invites arrive late", "Mailbox full"],
            ["Every email I send to our client bounces back with {err}.", "Since this morning I receive no emails from outside the company.", "My mailbox says it is full and I cannot send anything."],
            ["The client says they did not change anything.", "Internal emails work fine.", "I already deleted old emails."],
            ["The client's server rejects us because of their SPF record; we contacted their IT.", "A transport rule quarantined external mail by mistake; it was fixed and the mails released.", "I enabled the online archive; old items will move there within 24 hours.", "Your mailbox quota was raised to 100 GB."],
            ["Mails are arriving again.", "The bounce still happens with {err}.", "Archive is visible now.", "Thanks for the quick help."],
            ["Quarantine rule created by change {n}, reverted.", "Client's SPF misses our new sending IP.", "Mailbox at 49.9 GB, archive enabled."]),
        new(["Laptop very slow and hot", "Blue screen {err}", "Laptop does not turn on", "Battery drains in one hour"],
            ["My {device} is extremely slow and the fan is always on.", "The laptop shows a blue screen with {err} a few times a day.", "The {device} does not turn on since this morning."],
            ["I have a presentation in {n} hours.", "It is under warranty, bought in {site}.", "I tried another charger."],
            ["The disk is at 99%; we scheduled a cleanup and an SSD replacement.", "A faulty driver causes the blue screen; we pushed an update.", "Please bring the laptop to the service desk; a loaner is waiting for you.", "The battery is swollen and will be replaced under warranty."],
            ["Much better after the cleanup.", "Another blue screen today, same code.", "I will bring it at 2 pm.", "New battery works, thanks."],
            ["Warranty case opened with Dell, ticket {n}.", "Crash dump points to the Wi-Fi driver.", "Loaner L-{n} given to the user."]),
        new(["Wi-Fi keeps disconnecting in meeting room {n}", "Guest Wi-Fi not working in {site}", "No network on desk {n}"],
            ["The Wi-Fi in meeting room {n} drops every few minutes during calls.", "Visitors in {site} cannot connect to the guest Wi-Fi.", "The network cable at my desk does not work."],
            ["It affects every laptop in the room.", "We have a client visit today.", "The light on the wall port is off."],
            ["An access point in that area was down; it was replaced.", "The guest portal certificate expired; it was renewed.", "The wall port was not patched to the switch; it is fixed now.", "We changed the channel of the access point to avoid interference."],
            ["Stable now, thank you.", "Guests can connect again.", "Still dropping during calls.", "Working."],
            ["AP-{n} rebooted itself 14 times today; RMA opened.", "Port Gi1/0/{n} was shut; enabled.", "Channel 6 congested; moved to 11."]),
    ];

    public static readonly Topic[] Portuguese =
    [
        new(["VPN cai a cada {n} minutos", "Não consigo conectar na VPN em {site}", "VPN muito lenta depois da atualização", "GlobalProtect pede a senha toda hora"],
            ["Desde segunda a VPN desconecta a cada {n} minutos quando trabalho de casa.", "Não consigo conectar na VPN, o cliente mostra {err}.", "A VPN conecta mas nenhum sistema interno abre."],
            ["Já reiniciei o roteador e o {device}.", "Acontece no Wi-Fi e também no roteador do celular.", "Meus colegas de {site} estão com o mesmo problema.", "Preciso disso funcionando antes do fechamento de sexta."],
            ["Pode nos enviar o log do cliente da VPN (Configurações, Solução de problemas, Coletar logs)?", "Publicamos um novo certificado no gateway hoje cedo; por favor reconecte e nos avise.", "Reiniciei o seu perfil da VPN. Saia, entre novamente e tente mais uma vez.", "O gateway de {site} estava sobrecarregado; movemos você para o gateway reserva."],
            ["Segue o log, o erro foi {err} de novo.", "Agora funcionou, obrigado!", "Continua caindo, desta vez depois de {n} minutos.", "Mesmo comportamento depois do reset."],
            ["Gateway {site} com 92% das sessões, abri mudança para aumentar a capacidade.", "Problema conhecido do cliente 6.1 no Windows 11; contorno é a versão 6.0.8.", "Escalando para Infra: suspeita de MTU."]),
        new(["Impressora do {n}º andar não imprime", "Trabalhos presos na fila de impressão", "Scanner envia PDF em branco", "Impressora pede um PIN que eu nunca cadastrei"],
            ["A {device} mostra 'pronta' mas não sai nada.", "Todos os trabalhos ficam na fila com status de erro.", "As digitalizações chegam no meu e-mail como PDF vazio de 1 KB."],
            ["Temos reunião com cliente em {n} horas e precisamos imprimir a proposta.", "As outras pessoas do andar imprimem normalmente.", "Já removi e adicionei a impressora de novo."],
            ["Limpei o spooler de impressão no servidor; por favor tente novamente.", "A impressora estava offline no servidor de impressão; já voltou.", "Trocamos o toner e o fusor; por favor confirme se imprime.", "Instale o driver atualizado pelo Centro de Software."],
            ["Imprimiu, obrigado.", "Continua presa, o trabalho mostra {err}.", "As digitalizações voltaram ao normal.", "Imprimiu uma vez e parou de novo."],
            ["Fusor no fim da vida útil na {device}; peça solicitada.", "Spooler caiu de novo no PRINT01, terceira vez no mês.", "Driver 7.2 quebra a impressão frente e verso; voltamos a versão."]),
        new(["Senha expirada e conta bloqueada", "Autenticação em dois fatores em loop", "Celular novo, preciso migrar o autenticador", "Conta bloqueia depois da troca de senha"],
            ["Minha senha expirou no fim de semana e agora não consigo entrar no {system}.", "Depois que troquei a senha, minha conta bloqueia a cada poucos minutos.", "A tela do MFA volta sempre e nunca chego na caixa de entrada; o erro é {err}."],
            ["Estou viajando e só tenho o celular.", "Isso me impede de aprovar notas fiscais hoje.", "Começou depois que troquei de celular."],
            ["Desbloqueei sua conta e enviei uma senha temporária por SMS.", "Uma sessão antiga no celular anterior continuava tentando a senha velha; remova a conta de lá.", "Reiniciei o seu cadastro de MFA; registre o autenticador de novo no próximo acesso.", "Por favor confirme sua identidade respondendo com os quatro últimos dígitos da matrícula."],
            ["Pronto, consegui entrar.", "Bloqueou de novo depois de {n} minutos.", "Obrigada, o autenticador funciona.", "Confirmado, os dígitos são {n}."],
            ["Bloqueios vêm de um dispositivo ActiveSync; orientei a remover.", "Identidade confirmada por ligação.", "Política de acesso condicional bloqueia logins de {site}; verificando com segurança."]),
        new(["{system} muito lento hoje de manhã", "Relatório no {system} falha com {err}", "{system} não abre depois da atualização", "Exportação do {system} para o Excel não funciona"],
            ["O {system} leva mais de {n} segundos para abrir qualquer tela.", "O relatório mensal do {system} falha com {err}.", "Desde a atualização de ontem à noite o {system} fecha logo depois da tela inicial."],
            ["Afeta todo o time financeiro.", "Precisamos dos números para a reunião de diretoria amanhã.", "Ontem à tarde funcionava."],
            ["O servidor de banco de dados rodava um backup em horário comercial; movemos para a janela da noite.", "Houve uma versão com defeito do {system}; foi revertida às 10:40.", "Limpe o cache (Ctrl+F5) e tente novamente; o relatório foi corrigido.", "Abrimos um chamado com o fornecedor, protocolo {n}."],
            ["Está mais rápido, obrigado.", "O relatório voltou a rodar.", "Continua lento para mim em {site}.", "Alguma novidade do fornecedor?"],
            ["Locks bloqueando no banco de relatórios; sessão {n} encerrada.", "Fornecedor confirma bug na versão 2024.2, correção no próximo patch.", "Contorno: rodar o relatório com menos de 50 mil linhas."]),
        new(["Novo colaborador começa na segunda", "Solicitação de acesso ao {system}", "Remover acessos de desligado", "Preciso de uma caixa compartilhada para o time de {site}"],
            ["Temos um novo colaborador começando na segunda em {site} e precisamos de conta, {device} e acesso ao {system}.", "Por favor liberem meu acesso ao {system} com o mesmo perfil do meu gestor.", "Um colaborador saiu da empresa na sexta; por favor removam todos os acessos."],
            ["O centro de custo é {n}.", "A aprovação do gestor está em anexo.", "A data de início não pode mudar."],
            ["A conta foi criada; a senha temporária vai para o gestor por SMS.", "O acesso ao {system} precisa da aprovação do dono do sistema; encaminhei a solicitação.", "Todos os acessos foram removidos e a caixa virou compartilhada por 30 dias.", "O {device} está pronto para retirada no service desk."],
            ["Obrigado, tudo pronto para segunda.", "A aprovação foi enviada.", "Podem incluir também o acesso ao {system}?", "Retirei o notebook, obrigado."],
            ["Checklist de integração completo, falta o crachá.", "Aguardando o dono do {system} aprovar.", "Desligamento: licença recuperada, caixa convertida."]),
        new(["E-mail para cliente volta com {err}", "Não recebo e-mails externos", "Convites de reunião chegam atrasados", "Caixa de correio cheia"],
            ["Todo e-mail que envio para o nosso cliente volta com {err}.", "Desde hoje cedo não recebo e-mails de fora da empresa.", "Minha caixa diz que está cheia e não consigo enviar nada."],
            ["O cliente diz que não mudou nada.", "E-mails internos funcionam.", "Já apaguei e-mails antigos."],
            ["O servidor do cliente nos rejeita por causa do registro SPF deles; falamos com a TI deles.", "Uma regra de transporte colocou e-mails externos em quarentena por engano; foi corrigida e as mensagens liberadas.", "Ativei o arquivo morto online; os itens antigos vão para lá em até 24 horas.", "A cota da sua caixa foi aumentada para 100 GB."],
            ["Os e-mails voltaram a chegar.", "A devolução continua com {err}.", "O arquivo morto apareceu.", "Obrigada pela ajuda rápida."],
            ["Regra de quarentena criada pela mudança {n}, revertida.", "SPF do cliente não tem nosso novo IP de envio.", "Caixa com 49,9 GB, arquivo morto ativado."]),
        new(["Notebook muito lento e quente", "Tela azul {err}", "Notebook não liga", "Bateria acaba em uma hora"],
            ["Meu {device} está muito lento e a ventoinha não para.", "O notebook mostra tela azul com {err} algumas vezes por dia.", "O {device} não liga desde hoje de manhã."],
            ["Tenho uma apresentação em {n} horas.", "Está na garantia, comprado em {site}.", "Já testei outro carregador."],
            ["O disco está em 99%; agendamos uma limpeza e a troca por SSD.", "Um driver com defeito causa a tela azul; publicamos uma atualização.", "Traga o notebook ao service desk; um equipamento reserva está esperando por você.", "A bateria está estufada e será trocada pela garantia."],
            ["Bem melhor depois da limpeza.", "Outra tela azul hoje, mesmo código.", "Levo às 14h.", "Bateria nova funcionando, obrigado."],
            ["Chamado de garantia aberto com a Dell, número {n}.", "Dump aponta para o driver do Wi-Fi.", "Reserva R-{n} entregue ao usuário."]),
        new(["Wi-Fi caindo na sala de reunião {n}", "Wi-Fi de visitantes não funciona em {site}", "Sem rede na mesa {n}"],
            ["O Wi-Fi da sala de reunião {n} cai a cada poucos minutos durante as chamadas.", "Visitantes em {site} não conseguem conectar no Wi-Fi de convidados.", "O cabo de rede da minha mesa não funciona."],
            ["Afeta todos os notebooks da sala.", "Temos visita de cliente hoje.", "A luz do ponto de rede está apagada."],
            ["Um access point da área estava fora; foi substituído.", "O certificado do portal de visitantes expirou; foi renovado.", "O ponto de rede não estava ligado ao switch; já corrigimos.", "Mudamos o canal do access point para evitar interferência."],
            ["Estável agora, obrigado.", "Os visitantes conectam de novo.", "Continua caindo nas chamadas.", "Funcionando."],
            ["AP-{n} reiniciou sozinho 14 vezes hoje; RMA aberto.", "Porta Gi1/0/{n} estava desligada; habilitada.", "Canal 6 congestionado; movido para o 11."]),
    ];

    /// <summary>The tags agents usually put on each topic (same order as <see cref="English"/> and <see cref="Portuguese"/>).</summary>
    public static readonly string[][] TopicTags =
    [
        ["vpn", "network", "firewall", "certificate"],
        ["printer", "scanner", "hardware"],
        ["password", "mfa", "access", "sso"],
        ["slow", "sap", "power-bi", "software"],
        ["onboarding", "offboarding", "access", "license"],
        ["email", "bounce", "outlook"],
        ["laptop", "blue-screen", "warranty", "hardware"],
        ["wifi", "network"],
    ];

    public static readonly string[] FirstNames = ["Ana", "Bruno", "Camila", "Daniel", "Eduarda", "Felipe", "Gabriela", "Henrique", "Isabela", "João", "Karina", "Lucas", "Mariana", "Nicolas", "Olívia", "Paulo", "Rafaela", "Sérgio", "Tatiana", "Vinícius", "Emily", "James", "Sarah", "Michael", "Jessica", "David", "Laura", "Robert", "Emma", "Thomas", "Chloe", "Andrew", "Beatriz", "Caio", "Débora", "Fábio", "Letícia", "Márcio", "Renata", "Thiago"];
    public static readonly string[] LastNames = ["Silva", "Santos", "Oliveira", "Souza", "Rodrigues", "Ferreira", "Alves", "Pereira", "Lima", "Gomes", "Costa", "Ribeiro", "Martins", "Carvalho", "Almeida", "Lopes", "Araújo", "Fernandes", "Barbosa", "Rocha", "Smith", "Johnson", "Brown", "Miller", "Wilson", "Moore", "Taylor", "Anderson", "Clark", "Walker", "Nogueira", "Freitas", "Teixeira", "Moreira", "Cardoso", "Mendes"];
    public static readonly string[] CompanyWords = ["Construtora", "Cooperativa", "Logística", "Farmácias", "Metalúrgica", "Transportes", "Clínica", "Escola", "Agro", "Engenharia", "Software", "Foods", "Labs", "Energia", "Varejo", "Seguros", "Têxtil", "Mineração", "Hotéis", "Advocacia"];
    public static readonly string[] CompanyNames = ["Horizonte", "Vale Verde", "Atlântico", "Pampa", "Serra Azul", "Aurora", "Boreal", "Cerrado", "Litoral", "Ipê", "Jatobá", "Mandacaru", "Northwind", "Contoso", "Fabrikam", "Tailspin", "Woodgrove", "Litware", "Adatum", "Proseware", "Graphic", "Lucerne", "Margie", "Wingtip"];
    public static readonly string[] TeamNames = ["Service Desk", "Infraestrutura", "Applications", "Network", "Field Support Sul", "Field Support Sudeste", "Identity", "Messaging", "ERP", "CRM", "Data & BI", "Security", "Onboarding", "Hardware", "Cloud", "Databases", "Telecom", "VIP Support", "Suporte Nordeste", "Printing"];
    public static readonly string[] Tags = ["vpn", "printer", "password", "mfa", "sap", "salesforce", "power-bi", "outlook", "teams", "onboarding", "offboarding", "laptop", "wifi", "network", "email", "bounce", "slow", "blue-screen", "warranty", "vip", "billing", "access", "license", "backup", "firewall", "dns", "certificate", "mobile", "scanner", "security", "phishing", "sharepoint", "onedrive", "jira", "citrix", "zoom", "hardware", "software", "urgente", "financeiro", "fiscal", "obra", "filial", "treinamento", "integração", "api", "sso", "audit", "compliance", "change"];
}
