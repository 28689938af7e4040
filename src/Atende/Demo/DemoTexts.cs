using System.Globalization;
using System.Text.Json.Nodes;
using Atende.Tickets;

namespace Atende.Demo;

/// <summary>
/// The demo desk's text bank: what customers ask and agents answer, in English and Brazilian Portuguese,
/// written for this project (product names and error messages are typical of an MSP's week, not quotes).
/// Words in braces are slots filled per ticket — see <see cref="DemoTimeline"/> for the common ones.
/// </summary>
internal static class DemoTexts
{
    private const string Incident = "incident";
    private const string ServiceRequest = "service_request";
    private const string Question = "question";

    private static readonly Priority[] Routine = [Priority.Low, Priority.Normal, Priority.Normal, Priority.Normal, Priority.High];
    private static readonly Priority[] Pressing = [Priority.Normal, Priority.High, Priority.High, Priority.Urgent];
    private static readonly Priority[] Relaxed = [Priority.Low, Priority.Low, Priority.Normal];

    public static readonly DemoScenario[] Scenarios =
    [
        new("vpn", Incident, DemoPeople.Infrastructure, ["vpn", "remote-work"], Pressing, 14,
            En: new(
                Subjects: ["VPN not connecting from home", "{vpnClient} keeps failing — no access to internal systems", "VPN down for the whole team"],
                Descriptions:
                [
                    "Since this morning I can't connect to the VPN from home. {vpnClient} shows \"{vpnError}\" right after I approve the MFA prompt. My internet connection is fine (I can browse and join Teams calls), and I already restarted the laptop twice.\n\nI need the VPN to reach the file server and SAP, so I'm mostly blocked.",
                    "I'm working remotely today and the VPN keeps failing with \"{vpnError}\". It worked fine yesterday evening. I tried my home Wi-Fi and my phone's hotspot, same result. Laptop is {asset}.",
                    "The VPN stopped working for everyone in our team at about the same time this morning — {vpnClient} says \"{vpnError}\". Several of us are working from home today and nobody can reach the internal systems.",
                ],
                Questions:
                [
                    "Could you send me a screenshot of the error and the version of {vpnClient} (Help → About)? It would also help to know roughly when the last attempt was, so I can find it in the gateway logs.",
                    "To narrow this down: have you changed your network password in the last few days? The VPN keeps checking the old password until the laptop has been on the office network once.",
                    "Is it everyone in the team, or only the people using {vpnClient}? And roughly when did it start?",
                ],
                Answers:
                [
                    "It's version 7.2.4, and the last attempt was a few minutes ago. The error text is exactly the one I sent.",
                    "Yes, I changed it on Monday when it expired — I didn't know it mattered for the VPN.",
                    "Everyone working from home, since about 9:10. The colleagues in the office are fine.",
                ],
                Fixes:
                [
                    "Thanks for the details. The gateway was rejecting your session because your laptop still had an old client certificate. I pushed a new certificate to {asset}; please restart {vpnClient} and try again — it should connect now. If it doesn't, reply here and I'll call you.",
                    "That was it: the VPN checks your password against the copy cached on the laptop, which was still the old one. I cleared the cached credential remotely and reconnected you with the new password — it's working now. Next time you change your password from home, lock and unlock the laptop once while connected to the VPN so the copy is updated.",
                    "We found the cause: one of the two VPN gateways failed over this morning and kept sessions from your region on the wrong address pool. It's fixed and connections are going through again. Please disconnect and reconnect once.",
                ],
                Notes:
                [
                    "Gateway logs: the client certificate on this laptop expired last week and the automatic renewal failed. Check the renewal task on the other laptops imaged in the same batch.",
                    "Gateway logs show repeated authentication failures for this user since 07:50: cached credential after the password change.",
                    "VPN dashboard: sessions drop at IKE phase 2 for every user on the secondary gateway since the failover alarm this morning.",
                ]),
            Pt: new(
                Subjects: ["VPN não conecta de casa", "Erro ao conectar na VPN ({vpnClient})", "VPN fora do ar para o time todo"],
                Descriptions:
                [
                    "Desde hoje cedo não consigo conectar na VPN de casa. O {vpnClient} mostra \"{vpnError}\" logo depois que aprovo o MFA no celular. Minha internet está funcionando normalmente (consigo navegar e entrar no Teams) e já reiniciei o notebook duas vezes.\n\nPreciso da VPN para acessar o servidor de arquivos e o SAP, então meu trabalho está praticamente parado.",
                    "Estou trabalhando remoto hoje e a VPN fica dando \"{vpnError}\". Ontem à noite funcionou normal. Testei no Wi-Fi de casa e no roteador do celular, mesmo erro. O notebook é o {asset}.",
                    "A VPN parou de funcionar para todo o nosso time mais ou menos ao mesmo tempo hoje de manhã — o {vpnClient} diz \"{vpnError}\". Várias pessoas estão em home office hoje e ninguém consegue acessar os sistemas internos.",
                ],
                Questions:
                [
                    "Você consegue me mandar um print do erro e a versão do {vpnClient} (Ajuda → Sobre)? Também ajuda saber mais ou menos o horário da última tentativa, para eu procurar nos logs do gateway.",
                    "Para eu entender melhor: você trocou a senha de rede nos últimos dias? A VPN continua validando a senha antiga até o notebook se conectar uma vez na rede do escritório.",
                    "É com o time todo ou só com quem usa o {vpnClient}? E mais ou menos a que horas começou?",
                ],
                Answers:
                [
                    "A versão é a 7.2.4 e a última tentativa foi agora há pouco. O texto do erro é exatamente o que mandei.",
                    "Sim, troquei na segunda porque tinha expirado — não sabia que isso afetava a VPN.",
                    "Com todo mundo que está em casa, desde umas 9h10. O pessoal no escritório está normal.",
                ],
                Fixes:
                [
                    "Com as informações que você mandou, encontrei a causa: o gateway estava recusando a sessão porque o notebook ainda tinha um certificado antigo. Enviei um certificado novo para o {asset}; reinicie o {vpnClient} e tente de novo — deve conectar agora. Se não funcionar, responda aqui que eu te ligo.",
                    "Era isso: a VPN confere a senha com a cópia guardada no notebook, que ainda era a antiga. Limpei a credencial em cache remotamente e reconectei você com a senha nova — já está funcionando. Na próxima vez que trocar a senha de casa, bloqueie e desbloqueie o notebook uma vez conectado na VPN para atualizar a cópia.",
                    "Encontramos a causa: um dos dois gateways de VPN fez failover hoje de manhã e manteve as sessões da sua região no pool de endereços errado. Já corrigimos e as conexões voltaram a funcionar. Por favor, desconecte e conecte de novo uma vez.",
                ],
                Notes:
                [
                    "Logs do gateway: o certificado de cliente deste notebook venceu semana passada e a renovação automática falhou. Verificar a tarefa de renovação nos outros notebooks do mesmo lote de imagem.",
                    "Logs do gateway mostram várias falhas de autenticação desse usuário desde 07:50: credencial em cache depois da troca de senha.",
                    "Painel da VPN: sessões caindo na fase 2 do IKE para todos os usuários do gateway secundário desde o alarme de failover hoje cedo.",
                ]),
            Slots: new Dictionary<string, string[]>
            {
                ["vpnClient"] = ["FortiClient", "GlobalProtect", "Cisco Secure Client"],
                ["vpnError"] = ["Connection timed out: the gateway did not respond", "SSL handshake failed", "Authentication failed (code -455)", "The server certificate is not trusted"],
            }),

        new("outlook", Incident, DemoPeople.ServiceDesk, ["email", "microsoft-365"], Routine, 12,
            En: new(
                Subjects: ["Outlook not receiving new emails", "Emails stuck in the Outbox since this morning"],
                Descriptions:
                [
                    "Outlook on my laptop stopped receiving emails around 8 am. The status bar says \"{outlookStatus}\" and the last message in the inbox is from yesterday. Webmail works and shows the new messages, so it seems to be only the desktop app.",
                    "My emails are stuck in the Outbox. I've tried Send/Receive several times and restarted Outlook, but nothing goes out. Colleagues say they haven't received anything from me today, and I have a proposal to send before 5 pm.",
                ],
                Questions:
                [
                    "Could you tell me the Outlook version (File → Office Account) and whether you see a yellow warning bar at the top of the window?",
                    "Does this happen on your phone too, or only on the laptop? And did you install any add-in or Windows update recently?",
                ],
                Answers:
                [
                    "It's Microsoft 365 Apps, version 2409. There is a yellow bar saying the mailbox is almost full — I hadn't noticed it before.",
                    "Only on the laptop, the phone is fine. I think Windows installed updates last night.",
                ],
                Fixes:
                [
                    "Your mailbox was almost full (49 GB of 50 GB), which blocks syncing and sending. I enabled the online archive and moved messages older than two years there, so you now have about 20 GB free. Outlook should catch up within a few minutes; the archive shows up as \"Online Archive\" in the folder list.",
                    "I rebuilt your Outlook profile and cleared the offline cache — the data file was damaged after last night's update. Everything is syncing again and the messages in the Outbox have been sent.",
                ],
                Notes:
                [
                    "Mailbox at 98% of quota. The archive policy was never applied to this user — check the other users of this client too.",
                    "OST file at 18 GB and damaged (the repair tool found errors). Profile rebuilt over a remote session.",
                ]),
            Pt: new(
                Subjects: ["Outlook não está recebendo e-mails", "E-mails presos na Caixa de Saída desde hoje cedo"],
                Descriptions:
                [
                    "O Outlook do meu notebook parou de receber e-mails por volta das 8h. Na barra de status aparece \"{outlookStatus}\" e a última mensagem na caixa de entrada é de ontem. Pelo webmail está tudo normal e as mensagens novas aparecem, então parece ser só o aplicativo.",
                    "Meus e-mails estão presos na Caixa de Saída. Já tentei Enviar/Receber várias vezes e reiniciei o Outlook, mas nada sai. Os colegas disseram que não receberam nada meu hoje, e preciso mandar uma proposta até as 17h.",
                ],
                Questions:
                [
                    "Você pode me informar a versão do Outlook (Arquivo → Conta do Office) e se aparece alguma barra amarela de aviso no topo da janela?",
                    "Isso acontece no celular também ou só no notebook? E você instalou algum suplemento ou atualização do Windows recentemente?",
                ],
                Answers:
                [
                    "É o Microsoft 365 Apps, versão 2409. Aparece uma barra amarela dizendo que a caixa está quase cheia — eu não tinha reparado.",
                    "Só no notebook, no celular está normal. Acho que o Windows instalou atualizações ontem à noite.",
                ],
                Fixes:
                [
                    "Sua caixa de correio estava quase cheia (49 GB de 50 GB), o que bloqueia a sincronização e o envio. Ativei o arquivo morto online e movi para lá as mensagens com mais de dois anos; agora você tem uns 20 GB livres. O Outlook deve sincronizar em alguns minutos — o arquivo aparece como \"Arquivo Morto Online\" na lista de pastas.",
                    "Recriei o seu perfil do Outlook e limpei o cache offline — o arquivo de dados corrompeu depois da atualização de ontem. Está tudo sincronizando de novo e as mensagens da Caixa de Saída já foram enviadas.",
                ],
                Notes:
                [
                    "Caixa em 98% da cota. A política de arquivamento nunca foi aplicada a esse usuário — verificar os demais usuários desse cliente também.",
                    "Arquivo OST com 18 GB e corrompido (a ferramenta de reparo encontrou erros). Perfil recriado por acesso remoto.",
                ]),
            Slots: new Dictionary<string, string[]> { ["outlookStatus"] = ["Trying to connect...", "Disconnected", "Need password", "Working offline"] }),

        new("shared-mailbox", ServiceRequest, DemoPeople.ServiceDesk, ["email", "access"], Routine, 6,
            En: new(
                Subjects: ["Access to the {mailbox}@{domain} shared mailbox", "Please add me to the {mailbox} mailbox"],
                Descriptions:
                [
                    "I'm covering some of {colleague}'s work during their leave and I need access to the {mailbox}@{domain} shared mailbox (read and send as). My manager approved it — happy to forward the approval if needed.",
                    "Could you give me access to the {mailbox}@{domain} mailbox? I joined the team last week and all supplier emails go there.",
                ],
                Questions: ["Sure! Do you need \"Send as\" or only read access? And could you ask your manager to reply here approving it? For shared mailboxes we need the approval recorded on the ticket."],
                Answers: ["Read and Send as, please. {manager} approved it by email, here it is:\n\n> Approved, please go ahead. — {manager}"],
                Fixes: ["Done: you now have full access and Send as on {mailbox}@{domain}. Outlook adds the mailbox by itself within about an hour (restarting Outlook speeds it up). To send as the mailbox, choose it in the From field."],
                Notes: ["Manager's approval is in the thread. Granted FullAccess + SendAs in the admin center."],
                Slots: new Dictionary<string, string[]> { ["mailbox"] = ["accounts-payable", "purchasing", "customer-service", "hr"] }),
            Pt: new(
                Subjects: ["Acesso à caixa compartilhada {mailbox}@{domain}", "Incluir meu usuário na caixa {mailbox}"],
                Descriptions:
                [
                    "Olá, estou cobrindo as férias de {colleague} e preciso de acesso à caixa compartilhada {mailbox}@{domain} (leitura e enviar como). A gestão já aprovou — posso encaminhar a aprovação se precisar.",
                    "Vocês podem liberar meu acesso à caixa {mailbox}@{domain}? Entrei no time semana passada e todos os e-mails de fornecedores chegam lá.",
                ],
                Questions: ["Claro! Você precisa de \"Enviar como\" ou só leitura? E pode pedir para a sua gestão responder aqui aprovando? Para caixas compartilhadas, precisamos da aprovação registrada no chamado."],
                Answers: ["Leitura e Enviar como, por favor. {manager} aprovou por e-mail, segue:\n\n> Aprovado, podem seguir. — {manager}"],
                Fixes: ["Pronto: você já tem acesso total e permissão de Enviar como na {mailbox}@{domain}. O Outlook adiciona a caixa sozinho em até uma hora (reiniciar o Outlook ajuda). Para enviar como a caixa, escolha-a no campo De."],
                Notes: ["Aprovação da gestão está na conversa. Concedido FullAccess + SendAs no centro de administração."],
                Slots: new Dictionary<string, string[]> { ["mailbox"] = ["financeiro", "compras", "atendimento", "rh"] })),

        new("printer", Incident, DemoPeople.Infrastructure, ["printer"], Routine, 12,
            En: new(
                Subjects: ["Printer on the {floor} is offline", "{printer} shows \"{printerError}\"", "Can't print to the {floor} printer"],
                Descriptions:
                [
                    "The {printer} on the {floor} shows \"{printerError}\" and nothing prints. We already turned it off and on and opened all the trays, but the message comes back. About 15 people on this floor use it.",
                    "Since this morning my print jobs to the {floor} printer ({printer}) stay in the queue as \"Error – Printing\". Other people can print, so maybe it's just my laptop ({asset}).",
                ],
                Questions:
                [
                    "Does the printer's display show anything besides that message? A photo of the panel would help a lot.",
                    "Could you print a configuration page from the printer panel (Settings → Reports → Configuration) and tell me the IP address on it? And is the light next to the network port blinking?",
                ],
                Answers:
                [
                    "Only that message. I took a photo but can't attach it from my phone — it just says {printerError}.",
                    "The configuration page shows IP 10.20.3.41. The network light is on but not blinking.",
                ],
                Fixes:
                [
                    "I went to the {floor} this afternoon: a torn piece of paper was stuck behind the fuser, and the pick-up roller of tray 2 was worn. I replaced both and printed 50 test pages. Let us know here if it jams again.",
                    "The printer had picked up a new IP address after a power cut, so the print server kept sending jobs to the old one. I reserved the address and updated the queue on the server; your jobs should print now. You may need to resend the ones that failed.",
                ],
                Notes:
                [
                    "The printer is leased: if it jams again, open a call with the leasing vendor instead of replacing parts ourselves.",
                    "Print server event log: the port for this queue pointed at the old IP. DHCP reservation added.",
                ]),
            Pt: new(
                Subjects: ["Impressora do {floor} offline", "Impressora {printer} com erro \"{printerError}\"", "Não consigo imprimir na impressora do {floor}"],
                Descriptions:
                [
                    "A impressora {printer} do {floor} está mostrando \"{printerError}\" e não imprime nada. Já desligamos e ligamos de novo e abrimos todas as bandejas, mas a mensagem volta. Umas 15 pessoas do andar usam essa impressora.",
                    "Desde hoje cedo os meus trabalhos para a impressora do {floor} ({printer}) ficam na fila com status \"Erro – Imprimindo\". Outras pessoas conseguem imprimir, então talvez seja só o meu notebook ({asset}).",
                ],
                Questions:
                [
                    "O visor da impressora mostra mais alguma coisa além dessa mensagem? Uma foto do painel ajudaria bastante.",
                    "Você consegue imprimir uma página de configuração pelo painel da impressora (Configurações → Relatórios → Configuração) e me dizer o endereço IP que aparece? E a luz ao lado da porta de rede está piscando?",
                ],
                Answers:
                [
                    "Só essa mensagem mesmo. Tirei uma foto, mas não consigo anexar pelo celular — aparece apenas {printerError}.",
                    "A página de configuração mostra o IP 10.20.3.41. A luz de rede está acesa, mas não pisca.",
                ],
                Fixes:
                [
                    "Fui ao {floor} hoje à tarde: havia um pedaço de papel rasgado preso atrás do fusor, e o rolete de tração da bandeja 2 estava gasto. Troquei os dois e imprimi 50 páginas de teste. Se voltar a atolar, avise por aqui.",
                    "A impressora pegou um IP novo depois de uma queda de energia, e o servidor de impressão continuava mandando os trabalhos para o endereço antigo. Reservei o IP e atualizei a fila no servidor; seus trabalhos devem sair agora. Talvez seja preciso reenviar os que falharam.",
                ],
                Notes:
                [
                    "A impressora é locada: se atolar de novo, abrir chamado com o fornecedor da locação em vez de trocar peças por conta própria.",
                    "Log do servidor de impressão: a porta dessa fila apontava para o IP antigo. Reserva de DHCP criada.",
                ]),
            Slots: new Dictionary<string, string[]>
            {
                ["printer"] = ["HP LaserJet M507", "Brother HL-L6400", "Ricoh IM 430F", "Epson WorkForce Pro WF-C5790"],
                ["printerError"] = ["Paper jam in tray 2", "Offline", "Error 49.4C02", "Replace toner"],
            }),

        new("password", ServiceRequest, DemoPeople.ServiceDesk, ["password", "access"], [Priority.Normal, Priority.High, Priority.High], 12,
            En: new(
                Subjects: ["Locked out of my account", "Password expired and I can't reset it", "Account locked after password change"],
                Descriptions:
                [
                    "My password expired this morning and now my account is locked. The self-service reset page says \"We couldn't verify your identity\" when I enter the code sent to my phone. I can't sign in to my laptop or email.",
                    "I changed my password yesterday and today my account is locked. I think my phone still had the old password in the email app and kept trying.",
                ],
                Questions: ["To unlock it I need to confirm it's you: could you reply with the last 4 digits of the phone number registered on your account, or call the Service Desk on extension 4000?"],
                Answers: ["The last 4 digits are {digits}."],
                Fixes: ["Your account is unlocked and I've set a temporary password, sent by SMS to your registered phone. You'll be asked to choose a new one at the first sign-in. Please also update the password in the email app on your phone, or it will lock the account again."],
                Notes: ["Identity confirmed by calling back the number on file. Lockout source: a mobile device still using the old password."]),
            Pt: new(
                Subjects: ["Conta bloqueada", "Senha expirou e não consigo redefinir", "Usuário bloqueado depois de trocar a senha"],
                Descriptions:
                [
                    "Minha senha expirou hoje de manhã e agora a conta está bloqueada. A página de redefinição de senha diz \"Não foi possível verificar sua identidade\" quando coloco o código que chega no celular. Não consigo entrar no notebook nem no e-mail.",
                    "Troquei a senha ontem e hoje minha conta amanheceu bloqueada. Acho que o celular ainda estava com a senha antiga no aplicativo de e-mail e ficou tentando.",
                ],
                Questions: ["Para desbloquear, preciso confirmar sua identidade: você pode responder com os 4 últimos dígitos do celular cadastrado na sua conta, ou ligar para o Service Desk no ramal 4000?"],
                Answers: ["Os 4 últimos dígitos são {digits}."],
                Fixes: ["Sua conta foi desbloqueada e defini uma senha temporária, enviada por SMS para o celular cadastrado. No primeiro acesso o sistema vai pedir uma senha nova. Atualize também a senha no aplicativo de e-mail do celular, senão ele bloqueia a conta de novo."],
                Notes: ["Identidade confirmada ligando de volta para o número cadastrado. Origem do bloqueio: celular ainda com a senha antiga."])),

        new("mfa", Incident, DemoPeople.ServiceDesk, ["mfa", "access"], Routine, 6,
            En: new(
                Subjects: ["New phone — can't approve MFA sign-ins", "Authenticator codes not accepted"],
                Descriptions:
                [
                    "I got a new phone over the weekend and didn't move the Authenticator app. Now I can't sign in to anything, because it asks me to approve the request on the old phone, which I already traded in.",
                    "The codes from the Authenticator app are always rejected (\"The code you entered is not valid\"). The time on my phone is set automatically, and I've tried five or six codes.",
                ],
                Questions: ["No problem. Are you at the office today? If so, I can reset your MFA methods and you register the phone while on the office network. Otherwise we'll do it on a quick video call so I can verify your identity."],
                Answers: ["I'm working from home today. A video call is fine, I'm free after 2 pm."],
                Fixes: ["Thanks for your time on the call. I reset your MFA methods and you registered the Authenticator on the phone — the test sign-in worked. If the old phone still shows up under Security info, you can remove it there."],
                Notes: ["Identity checked on a video call against the badge photo. Sessions revoked and MFA registration reset."]),
            Pt: new(
                Subjects: ["Celular novo — não consigo aprovar o MFA", "Códigos do Authenticator não são aceitos"],
                Descriptions:
                [
                    "Troquei de celular no fim de semana e não transferi o aplicativo Authenticator. Agora não consigo entrar em nada, porque ele pede para aprovar no celular antigo, que já dei na troca.",
                    "Os códigos do Authenticator sempre são recusados (\"O código informado não é válido\"). A hora do celular está no automático e já tentei uns cinco ou seis códigos.",
                ],
                Questions: ["Sem problema. Você está no escritório hoje? Se estiver, redefino os métodos de MFA e você cadastra o celular conectado à rede do escritório. Caso contrário, fazemos por uma chamada de vídeo rápida para eu confirmar sua identidade."],
                Answers: ["Hoje estou em home office. Pode ser por vídeo, estou livre depois das 14h."],
                Fixes: ["Valeu pela chamada. Redefini os métodos de MFA e você cadastrou o Authenticator no celular — o login de teste funcionou. Se o celular antigo ainda aparecer em Informações de segurança, pode removê-lo por lá."],
                Notes: ["Identidade conferida por chamada de vídeo com a foto do crachá. Sessões revogadas e registro de MFA redefinido."])),

        new("wifi", Incident, DemoPeople.Infrastructure, ["wifi"], Routine, 8,
            En: new(
                Subjects: ["Wi-Fi keeps dropping in {room}", "Very slow Wi-Fi on the {floor}"],
                Descriptions:
                [
                    "The Wi-Fi in {room} drops every few minutes and video calls freeze. It has been like this since last week; other rooms seem fine. Network name: {ssid}.",
                    "Wi-Fi on the {floor} is extremely slow today — a speed test gives about 2 Mbps and web pages take forever to load. Computers on a cable are fine.",
                ],
                Questions: ["Does it happen with every laptop or only some? If you can, run a speed test at fast.com next to the door and near the window and send me both results."],
                Answers: ["It happens with everybody. Near the door I get 85 Mbps, near the window 3 Mbps and then it disconnects."],
                Fixes:
                [
                    "The access point above {room} had failed and the room was being served by the one down the corridor, at the edge of its range. I replaced the access point this morning and the signal in the room is now strong (–52 dBm). Calls should be stable again.",
                    "There was a channel conflict with a new network from the office next door, both on channel 36. I moved our 5 GHz network to another channel and lowered the power of two access points; speed tests on the floor now show over 200 Mbps.",
                ],
                Notes: ["Wireless controller: the access point in that area reboots every ~20 minutes (power supply?). There is a spare unit in the storage room."],
                Slots: new Dictionary<string, string[]> { ["ssid"] = ["CORP", "CORP-5G", "GUEST"] }),
            Pt: new(
                Subjects: ["Wi-Fi caindo toda hora na {room}", "Wi-Fi muito lento no {floor}"],
                Descriptions:
                [
                    "O Wi-Fi da {room} cai a cada poucos minutos e as videochamadas congelam. Está assim desde a semana passada; as outras salas parecem normais. Rede: {ssid}.",
                    "O Wi-Fi do {floor} está muito lento hoje — o teste de velocidade dá uns 2 Mbps e as páginas demoram a carregar. Os computadores no cabo estão normais.",
                ],
                Questions: ["Acontece com todos os notebooks ou só com alguns? Se puder, faça um teste em fast.com perto da porta e perto da janela e me mande os dois resultados."],
                Answers: ["Acontece com todo mundo. Perto da porta deu 85 Mbps, perto da janela 3 Mbps e depois caiu a conexão."],
                Fixes:
                [
                    "O access point em cima da {room} tinha queimado, e a sala estava sendo atendida pelo do corredor, no limite do alcance. Troquei o equipamento hoje de manhã e o sinal na sala está forte (–52 dBm). As chamadas devem ficar estáveis de novo.",
                    "Havia conflito de canal com uma rede nova do escritório vizinho, as duas no canal 36. Mudei nossa rede de 5 GHz de canal e reduzi a potência de dois access points; os testes no andar agora passam de 200 Mbps.",
                ],
                Notes: ["Controladora wireless: o AP dessa área reinicia a cada ~20 minutos (fonte com defeito?). Tem um equipamento reserva no almoxarifado."],
                Slots: new Dictionary<string, string[]> { ["ssid"] = ["CORP", "CORP-5G", "VISITANTES"] })),

        new("sap-error", Incident, DemoPeople.Applications, ["sap"], Pressing, 10,
            En: new(
                Subjects: ["SAP: error when posting in {tcode}", "SAP: no authorization for company code 1000 in {tcode}"],
                Descriptions:
                [
                    "When I try to post a supplier invoice in transaction {tcode}, SAP shows \"Posting period 011 is not open\" and the document is not saved. This is urgent: we close the month on Friday and about 40 invoices are waiting.",
                    "Since yesterday I get \"No authorization for company code 1000\" in {tcode}. Nothing changed on my side, and a colleague in the same team gets the same error.",
                ],
                Questions: ["Could you send me the company code and document date you're using, and the full message? Double-click the error in the status bar to see the details."],
                Answers: ["Company code 1000, document date today. The details say message number F5 201."],
                Fixes:
                [
                    "The posting period for the current month hadn't been opened for company code 1000 — the finance key user confirmed it should be. I opened it (OB52) and you can post now. Sorry for the trouble!",
                    "Your user lost the authorization role for that company code in last week's role cleanup. I've added it back; please log off and on in SAP so the new authorization is loaded.",
                ],
                Notes:
                [
                    "Reproduced in QAS. Not a bug, configuration: period variant 0001 closed for the current month.",
                    "SU53 for the user: missing F_BKPF_BUK for company code 1000. Role Z_FI_AP_CLERK was removed by mistake in the cleanup.",
                ]),
            Pt: new(
                Subjects: ["SAP: erro ao lançar na {tcode}", "SAP: sem autorização para a empresa 1000 na {tcode}"],
                Descriptions:
                [
                    "Ao tentar lançar uma nota de fornecedor na transação {tcode}, o SAP mostra \"O período contábil 011 não está aberto\" e o documento não é gravado. É urgente: fechamos o mês na sexta e há umas 40 notas esperando.",
                    "Desde ontem aparece \"Sem autorização para a empresa 1000\" na {tcode}. Não mudei nada do meu lado, e um colega do mesmo time recebe o mesmo erro.",
                ],
                Questions: ["Você pode me mandar a empresa e a data do documento que está usando, e a mensagem completa? Clique duas vezes no erro na barra de status para ver os detalhes."],
                Answers: ["Empresa 1000, data do documento de hoje. No detalhe aparece a mensagem F5 201."],
                Fixes:
                [
                    "O período contábil do mês atual não tinha sido aberto para a empresa 1000 — o key user do financeiro confirmou que deveria estar. Abri o período (OB52) e você já consegue lançar. Desculpe o transtorno!",
                    "Seu usuário ficou sem o perfil de autorização dessa empresa na limpeza de perfis da semana passada. Já incluí de volta; saia e entre de novo no SAP para carregar a autorização nova.",
                ],
                Notes:
                [
                    "Reproduzido no QAS. Não é bug, é configuração: variante de período 0001 fechada para o mês atual.",
                    "SU53 do usuário: falta F_BKPF_BUK para a empresa 1000. O perfil Z_FI_AP_CLERK foi removido por engano na limpeza.",
                ]),
            Slots: new Dictionary<string, string[]> { ["tcode"] = ["MIRO", "FB60"] }),

        new("sap-access", DemoCatalog.AccessRequest, DemoPeople.Applications, ["sap", "access"], Routine, 6,
            En: new(
                Subjects: ["SAP access for {module}", "Access request: SAP {module}"],
                Descriptions: ["I need access to SAP {module} to {justification}. {manager} is my manager and can approve. I need it from {startDay} on."],
                Questions: ["Which SAP roles does the colleague you're covering for have? If you tell me their user, I can copy the same roles — it's faster than picking them one by one."],
                Answers: ["Please copy the roles from {colleague}'s user. Thanks!"],
                Fixes: ["Your SAP access is ready: the {module} roles were added to your user with {manager}'s approval. The first login uses your network password. If a transaction still says \"no authorization\", send me the transaction code and a screenshot of SU53."],
                Notes: ["Approval from {manager} received. Roles copied from the reference user; segregation-of-duties check found no conflicts."],
                Slots: new Dictionary<string, string[]>
                {
                    ["module"] = ["FI (accounts payable)", "MM (purchasing)", "SD (sales orders)"],
                    ["justification"] = ["approve purchase orders while my manager is on vacation", "cover for a colleague on parental leave", "work on the month-end closing", "post supplier invoices — I moved to the accounts payable team"],
                }),
            Pt: new(
                Subjects: ["Acesso ao SAP {module}", "Solicitação de acesso: SAP {module}"],
                Descriptions: ["Preciso de acesso ao SAP {module} para {justification}. Quem aprova é {manager}. Preciso a partir de {startDay}."],
                Questions: ["Quais perfis do SAP tem a pessoa que você vai cobrir? Se me passar o usuário dela, copio os mesmos perfis — é mais rápido do que escolher um por um."],
                Answers: ["Pode copiar os perfis do usuário de {colleague}, por favor."],
                Fixes: ["Seu acesso ao SAP está pronto: os perfis de {module} foram incluídos no seu usuário com a aprovação de {manager}. O primeiro login usa a sua senha de rede. Se alguma transação ainda disser \"sem autorização\", me mande o código da transação e um print da SU53."],
                Notes: ["Aprovação de {manager} recebida. Perfis copiados do usuário de referência; a verificação de segregação de funções não encontrou conflitos."],
                Slots: new Dictionary<string, string[]>
                {
                    ["module"] = ["FI (contas a pagar)", "MM (compras)", "SD (pedidos de venda)"],
                    ["justification"] = ["aprovar pedidos de compra durante as férias da gestão", "cobrir um colega de licença", "trabalhar no fechamento do mês", "lançar notas de fornecedores — mudei para o time de contas a pagar"],
                }),
            Slots: new Dictionary<string, string[]> { ["system"] = ["SAP ERP"] },
            Fields: AccessFields),

        new("access", DemoCatalog.AccessRequest, DemoPeople.ServiceDesk, ["access"], Routine, 8,
            En: new(
                Subjects: ["Access to {system}", "Please grant me {system} access", "New {system} user"],
                Descriptions: ["Could you give me access to {system}? I need it to {justification}. {manager} is my manager and already agreed."],
                Questions: ["Sure. Which level do you need — read-only or editor? Read-only can be granted right away; editor needs a license, so it takes a day or two."],
                Answers: ["Read-only is enough for now, thanks."],
                Fixes: ["Access to {system} granted. You'll get an invitation email in the next few minutes; sign in with your company account. If it doesn't arrive, check the Junk folder."],
                Notes: ["License available in the pool (3 left). Added to the {system} group through the access portal."],
                Slots: new Dictionary<string, string[]>
                {
                    ["justification"] = ["follow up on customer opportunities in the new region", "track the ERP migration project", "see the sales dashboards for my region", "open the project folders for the new building"],
                }),
            Pt: new(
                Subjects: ["Acesso ao {system}", "Liberar acesso ao {system}", "Novo usuário no {system}"],
                Descriptions: ["Vocês podem liberar meu acesso ao {system}? Preciso para {justification}. Quem aprova é {manager}, que já está de acordo."],
                Questions: ["Claro. Qual nível você precisa — leitura ou edição? Leitura libero na hora; edição precisa de licença e leva um ou dois dias."],
                Answers: ["Só leitura já resolve por enquanto, valeu."],
                Fixes: ["Acesso ao {system} liberado. Você vai receber um e-mail de convite nos próximos minutos; entre com a sua conta da empresa. Se não chegar, confira a pasta de Lixo Eletrônico."],
                Notes: ["Licença disponível no pool (restam 3). Incluído no grupo do {system} pelo portal de acessos."],
                Slots: new Dictionary<string, string[]>
                {
                    ["justification"] = ["acompanhar as oportunidades de clientes da nova região", "acompanhar o projeto de migração do ERP", "ver os dashboards de vendas da minha região", "abrir as pastas de projeto do prédio novo"],
                }),
            Slots: new Dictionary<string, string[]> { ["system"] = ["Salesforce", "Jira", "Power BI", "File server"] },
            Fields: AccessFields),

        new("billing", Question, DemoPeople.ServiceDesk, ["billing"], Relaxed, 7,
            En: new(
                Subjects: ["Question about invoice {invoice}", "Invoice {invoice}: hours don't match our report"],
                Descriptions:
                [
                    "We received invoice {invoice} for last month with {hours} billable hours, but our internal report shows fewer tickets than usual. Could you send us the breakdown by ticket? Finance needs it before approving the payment.",
                    "Our contract includes 30 hours per month, but invoice {invoice} charges {hours} hours with no detail of the overage. Can you explain how the extra hours were calculated?",
                ],
                Questions: ["Of course. Would you like the breakdown as a spreadsheet, or is a PDF fine? And should I send it to you or directly to accounts payable?"],
                Answers: ["A spreadsheet is better, and please copy accounts payable."],
                Fixes: ["I've sent the breakdown (one line per ticket, with agent, date and minutes) to you and accounts payable. The difference comes from the rollout at the new branch, logged as project hours on tickets in the second week of the month. If anything looks wrong, tell me which lines and I'll review them with the team."],
                Notes: ["Pulled the month's billable time entries: 6 h of the rollout project were marked billable by mistake — issue a credit note for those.", "Numbers check out; nothing to credit."],
                Slots: new Dictionary<string, string[]> { ["invoice"] = ["INV-10482", "INV-10517", "INV-10563"], ["hours"] = ["42", "37.5", "51"] }),
            Pt: new(
                Subjects: ["Dúvida sobre a nota fiscal {invoice}", "Nota {invoice}: horas não batem com nosso relatório"],
                Descriptions:
                [
                    "Recebemos a nota fiscal {invoice} do mês passado com {hours} horas faturáveis, mas nosso relatório interno mostra menos chamados do que o normal. Vocês podem mandar o detalhamento por chamado? O financeiro precisa disso antes de aprovar o pagamento.",
                    "Nosso contrato inclui 30 horas por mês, mas a nota {invoice} cobra {hours} horas sem detalhar o excedente. Podem explicar como as horas extras foram calculadas?",
                ],
                Questions: ["Claro. Vocês preferem o detalhamento em planilha ou pode ser em PDF? E mando para você ou direto para o contas a pagar?"],
                Answers: ["Planilha é melhor, e por favor coloque o contas a pagar em cópia."],
                Fixes: ["Enviei o detalhamento (uma linha por chamado, com analista, data e minutos) para você e para o contas a pagar. A diferença vem da implantação da nova filial, lançada como horas de projeto nos chamados da segunda semana do mês. Se algo parecer errado, me diga quais linhas que reviso com o time."],
                Notes: ["Extraí os apontamentos faturáveis do mês: 6 h do projeto de implantação foram marcadas como faturáveis por engano — emitir nota de crédito.", "Os números conferem; nada a creditar."],
                Slots: new Dictionary<string, string[]> { ["invoice"] = ["10482", "10517", "10563"], ["hours"] = ["42", "37,5", "51"] })),

        new("laptop", DemoCatalog.Hardware, DemoPeople.Infrastructure, ["hardware"], [Priority.Normal, Priority.High, Priority.High], 9,
            En: new(
                Subjects: ["Laptop {asset} won't turn on", "Cracked screen on laptop {asset}", "Laptop battery swelling"],
                Descriptions:
                [
                    "My laptop ({asset}) doesn't turn on anymore. The charger light is on, but when I press the power button nothing happens — no fan, no lights. It was working yesterday afternoon.",
                    "I dropped my bag this morning and the laptop screen is cracked in the lower corner. It still works with an external monitor, but the built-in screen is half black.",
                    "The touchpad of my laptop is lifting and the lid doesn't close properly. A colleague said it might be the battery swelling, so I've stopped using it.",
                ],
                Questions: ["Is there anything on the laptop that isn't in OneDrive or on the file server? If we need to replace it, I'll copy your files first."],
                Answers: ["Everything important is in OneDrive, I think. Maybe a few files in Downloads."],
                Fixes:
                [
                    "We swapped your laptop: the new one ({asset2}) is ready at the IT desk on the {floor}, with your files and apps. Please bring the old one when you pick it up; we opened the warranty case for {asset} with the manufacturer.",
                    "The technician replaced the faulty part under warranty this morning. The laptop passed the hardware diagnostics and is ready for pickup at the IT desk.",
                ],
                Notes: ["Warranty valid until next year. Case opened with the manufacturer; loaner {asset2} handed over meanwhile."]),
            Pt: new(
                Subjects: ["Notebook {asset} não liga", "Tela trincada no notebook {asset}", "Bateria do notebook estufando"],
                Descriptions:
                [
                    "Meu notebook ({asset}) não liga mais. A luz do carregador acende, mas quando aperto o botão de ligar nada acontece — nem ventoinha, nem luzes. Ontem à tarde estava funcionando.",
                    "Derrubei a mochila hoje de manhã e a tela do notebook trincou no canto de baixo. Ele ainda funciona com monitor externo, mas a tela do próprio notebook está metade preta.",
                    "O touchpad do meu notebook está levantando e a tampa não fecha direito. Um colega disse que pode ser a bateria estufando, então parei de usar.",
                ],
                Questions: ["Tem alguma coisa no notebook que não esteja no OneDrive ou no servidor de arquivos? Se precisarmos trocar o equipamento, copio seus arquivos antes."],
                Answers: ["Acho que tudo que importa está no OneDrive. Talvez alguns arquivos na pasta Downloads."],
                Fixes:
                [
                    "Trocamos seu notebook: o novo ({asset2}) está pronto no balcão de TI do {floor}, com seus arquivos e programas. Traga o antigo quando for retirar; abrimos o chamado de garantia do {asset} com o fabricante.",
                    "O técnico trocou a peça com defeito pela garantia hoje de manhã. O notebook passou no diagnóstico de hardware e está pronto para retirada no balcão de TI.",
                ],
                Notes: ["Garantia válida até o ano que vem. Chamado aberto com o fabricante; notebook reserva {asset2} entregue enquanto isso."]),
            Fields: HardwareFields),

        new("peripheral", DemoCatalog.Hardware, DemoPeople.Infrastructure, ["hardware"], Relaxed, 6,
            En: new(
                Subjects: ["Docking station not detecting monitors", "Second monitor flickering"],
                Descriptions:
                [
                    "When I connect my laptop ({asset}) to the docking station, both monitors stay black. Charging and the keyboard work, just no video. It started after Tuesday's Windows update.",
                    "My second monitor flickers every few seconds and sometimes goes black. I've already swapped the HDMI cable with a colleague's.",
                ],
                Questions: ["Could you try connecting one monitor directly to the laptop's HDMI port? That tells us whether it's the dock or the monitor."],
                Answers: ["Directly on the laptop it works perfectly."],
                Fixes:
                [
                    "The dock's firmware was outdated and stopped working with the new graphics driver from the update. I updated the firmware remotely and both monitors are back. If it happens again after an update, unplug the dock's power for 10 seconds and reconnect.",
                    "We replaced the monitor — the old one had a failing backlight. The new one is already on your desk.",
                ],
                Notes: ["Known issue: dock firmware below 1.0.15 with the latest display driver. Rolling the firmware out to the other docks on that floor.", "Monitor out of warranty; replaced with a spare from stock."]),
            Pt: new(
                Subjects: ["Dock não reconhece os monitores", "Segundo monitor piscando"],
                Descriptions:
                [
                    "Quando conecto meu notebook ({asset}) na dock, os dois monitores ficam pretos. Carrega e o teclado funciona, só não tem vídeo. Começou depois da atualização do Windows de terça.",
                    "Meu segundo monitor pisca a cada poucos segundos e às vezes apaga. Já troquei o cabo HDMI com o de um colega.",
                ],
                Questions: ["Você pode testar ligando um monitor direto na porta HDMI do notebook? Assim sabemos se é a dock ou o monitor."],
                Answers: ["Direto no notebook funciona perfeitamente."],
                Fixes:
                [
                    "O firmware da dock estava desatualizado e parou de funcionar com o driver de vídeo novo da atualização. Atualizei o firmware remotamente e os dois monitores voltaram. Se acontecer de novo depois de alguma atualização, tire a dock da tomada por 10 segundos e conecte de novo.",
                    "Trocamos o monitor — o antigo estava com a luz de fundo falhando. O novo já está na sua mesa.",
                ],
                Notes: ["Problema conhecido: firmware da dock abaixo de 1.0.15 com o driver de vídeo mais recente. Atualizando as demais docks do andar.", "Monitor fora da garantia; trocado por um reserva do estoque."]),
            Fields: HardwareFields),

        new("onboarding", DemoCatalog.Onboarding, DemoPeople.ServiceDesk, ["onboarding"], [Priority.Normal, Priority.Normal, Priority.High], 7,
            En: new(
                Subjects: ["New hire: {person} starting {startDay}", "Onboarding — {person} ({department})"],
                Descriptions:
                [
                    "{person} joins the {department} team on {startDay}. Please prepare a laptop, email and Teams, and access to {system}. They'll sit next to me on the {floor}.",
                    "We have a new colleague starting on {startDay}: {person}, {department}. Standard kit please, plus VPN because they'll work from home two days a week.",
                ],
                Questions: ["Thanks! Could you confirm {person}'s personal mobile number? We send the first-day password there, never to the manager."],
                Answers: ["I'll ask HR to send it to you — they have it in the hiring file."],
                Fixes: ["Everything is ready for {startDay}: account {personEmail}, laptop {asset} set up with the standard apps, and access to {system}. The first-day password goes by SMS at 8 am, and the laptop will be at the IT desk on the {floor} for pickup."],
                Notes: ["Account created, license assigned, laptop {asset} imaged. Waiting for the key user to approve {system}."]),
            Pt: new(
                Subjects: ["Admissão: {person}, início em {startDay}", "Onboarding — {person} ({department})"],
                Descriptions:
                [
                    "{person} começa no time de {department} em {startDay}. Por favor, preparem notebook, e-mail, Teams e acesso ao {system}. Vai sentar perto de mim, no {floor}.",
                    "Temos uma pessoa nova começando em {startDay}: {person}, {department}. Kit padrão, por favor, e VPN, porque vai trabalhar de casa dois dias por semana.",
                ],
                Questions: ["Valeu! Você pode confirmar o celular pessoal de {person}? Mandamos a senha do primeiro dia para lá, nunca para a gestão."],
                Answers: ["Vou pedir para o RH mandar — eles têm no cadastro da admissão."],
                Fixes: ["Tudo pronto para {startDay}: conta {personEmail}, notebook {asset} configurado com os programas padrão e acesso ao {system}. A senha do primeiro dia vai por SMS às 8h, e o notebook fica no balcão de TI do {floor} para retirada."],
                Notes: ["Conta criada, licença atribuída, notebook {asset} com imagem padrão. Aguardando o key user aprovar o {system}."]),
            Slots: new Dictionary<string, string[]> { ["system"] = ["SAP ERP", "Salesforce", "Jira", "Power BI"] },
            Fields: OnboardingFields),

        new("offboarding", ServiceRequest, DemoPeople.ServiceDesk, ["offboarding", "access"], Relaxed, 4,
            En: new(
                Subjects: ["Leaver: {person} — last day {startDay}"],
                Descriptions: ["{person} is leaving the company; the last working day is {startDay}. Please disable the accounts at 6 pm that day, forward their email to me for 30 days and keep the OneDrive files — I'll go through them."],
                Questions: ["Understood. Should we collect the laptop and phone on the last day, or will you bring them to the IT desk?"],
                Answers: ["I'll bring both to the IT desk on the last day."],
                Fixes: ["All set: {person}'s account will be disabled at 6 pm on {startDay}, their email will be forwarded to you for 30 days, and you'll keep access to their OneDrive files until the end of the following month. The laptop and phone will be logged when you drop them off."],
                Notes: ["Disable job scheduled for 18:00. Licenses to be reclaimed after the 30-day retention."]),
            Pt: new(
                Subjects: ["Desligamento: {person} — último dia {startDay}"],
                Descriptions: ["{person} está saindo da empresa; o último dia de trabalho é {startDay}. Por favor, desativem as contas às 18h desse dia, encaminhem os e-mails para mim por 30 dias e mantenham os arquivos do OneDrive — vou revisar."],
                Questions: ["Entendido. Vamos recolher o notebook e o celular no último dia ou você traz ao balcão de TI?"],
                Answers: ["Levo os dois ao balcão de TI no último dia."],
                Fixes: ["Tudo certo: a conta de {person} será desativada às 18h de {startDay}, os e-mails serão encaminhados para você por 30 dias e você terá acesso aos arquivos do OneDrive até o fim do mês seguinte. O notebook e o celular serão registrados quando você os entregar."],
                Notes: ["Desativação agendada para 18h. Licenças serão recolhidas depois dos 30 dias de retenção."])),

        new("portal-bug", Incident, DemoPeople.Applications, ["bug"], Pressing, 9,
            En: new(
                Subjects: ["Export to Excel fails in {app}", "Error when saving large orders in {app}", "Report totals don't match the lines"],
                Descriptions:
                [
                    "In {app}, clicking \"Export to Excel\" on the orders report shows {webError}. It happens for any date range longer than a week; exporting a single day still works.",
                    "When a customer saves an order with more than 50 items in {app}, they get {webError} and the order is lost. Two customers called us about it today.",
                    "The monthly sales report in {app} shows a total of $284,300.00, but the detailed lines add up to $279,850.00. Which one is right?",
                ],
                Questions: ["Thanks for the detailed report. Could you tell me roughly when it last happened and the order number (or report filters) you used? With that I can find the request in our logs."],
                Answers: ["Last time was around 10:40 today, order {orderNo}. Filters: last 30 days, all branches."],
                Fixes:
                [
                    "Found it: the export was timing out because of a missing database index after last week's release, and the page showed a generic error instead of the real one. We deployed a fix this afternoon (version 3.14.2); exports of up to 12 months now take a few seconds. Thanks for reporting it!",
                    "Orders with many items were larger than the request size limit of our API gateway, so they were rejected before reaching the application. We raised the limit, added a test with 500 items, and the app now keeps the draft if saving fails.",
                    "The difference comes from cancelled orders: the total at the top didn't exclude them, but the lines did. We fixed the total (release 3.14.3) and added a note under the report explaining which orders are counted.",
                ],
                Notes: ["Slow query on orders by date range: full table scan since the 3.14.0 migration dropped the index. Hotfix planned for tonight's window.", "Reproduced in staging with 60 items: request body over the 30 KB limit of the gateway.", "Bug logged in the product backlog as BUG-2291: cancelled orders counted in the header total only."],
                Slots: new Dictionary<string, string[]>
                {
                    ["app"] = ["the customer portal", "the ordering app", "the B2B store"],
                    ["webError"] = ["an HTTP 500 error", "\"Something went wrong. Please try again later.\"", "a blank page"],
                }),
            Pt: new(
                Subjects: ["Exportar para Excel falha no {app}", "Erro ao salvar pedidos grandes no {app}", "Total do relatório não bate com as linhas"],
                Descriptions:
                [
                    "No {app}, ao clicar em \"Exportar para Excel\" no relatório de pedidos aparece {webError}. Acontece com qualquer período maior que uma semana; exportar um único dia ainda funciona.",
                    "Quando um cliente salva um pedido com mais de 50 itens no {app}, aparece {webError} e o pedido se perde. Dois clientes ligaram reclamando hoje.",
                    "O relatório mensal de vendas no {app} mostra total de R$ 1.284.300,00, mas as linhas detalhadas somam R$ 1.279.850,00. Qual dos dois está certo?",
                ],
                Questions: ["Valeu pelo relato detalhado. Você sabe mais ou menos quando foi a última ocorrência e o número do pedido (ou os filtros do relatório) que usou? Com isso encontro a requisição nos nossos logs."],
                Answers: ["A última vez foi por volta das 10h40 de hoje, pedido {orderNo}. Filtros: últimos 30 dias, todas as filiais."],
                Fixes:
                [
                    "Encontrei: a exportação estourava o tempo limite por causa de um índice que faltou no banco depois da versão da semana passada, e a tela mostrava um erro genérico em vez do real. Publicamos a correção hoje à tarde (versão 3.14.2); exportações de até 12 meses levam poucos segundos. Valeu por avisar!",
                    "Pedidos com muitos itens passavam do limite de tamanho de requisição do nosso API gateway e eram recusados antes de chegar à aplicação. Aumentamos o limite, incluímos um teste com 500 itens e o aplicativo agora guarda o rascunho se o salvamento falhar.",
                    "A diferença vem dos pedidos cancelados: o total no topo não os excluía, mas as linhas sim. Corrigimos o total (versão 3.14.3) e incluímos uma observação abaixo do relatório explicando quais pedidos entram na conta.",
                ],
                Notes: ["Consulta lenta de pedidos por período: varredura completa da tabela desde que a migração da 3.14.0 removeu o índice. Correção prevista para a janela de hoje à noite.", "Reproduzido em homologação com 60 itens: corpo da requisição acima do limite de 30 KB do gateway.", "Bug registrado no backlog do produto como BUG-2291: pedidos cancelados contados só no total do cabeçalho."],
                Slots: new Dictionary<string, string[]>
                {
                    ["app"] = ["portal do cliente", "aplicativo de pedidos", "sistema de pedidos B2B"],
                    ["webError"] = ["erro HTTP 500", "\"Algo deu errado. Tente novamente mais tarde.\"", "uma página em branco"],
                })),

        new("power-bi", Question, DemoPeople.Applications, ["report", "power-bi"], Routine, 6,
            En: new(
                Subjects: ["Sales dashboard not refreshing", "How do I get the {report} report by email?"],
                Descriptions:
                [
                    "The sales dashboard in Power BI still shows data from last {weekday}. Normally it refreshes every morning at 7. The directors use it in the Monday meeting, so we need it updated today if possible.",
                    "How do I get the {report} report by email every Monday? I saw a colleague receiving it but can't find the option.",
                ],
                Questions:
                [
                    "Do you see a warning icon next to the dataset name in the workspace? Hovering over it shows the refresh error — please copy that text here.",
                    "Do you want the whole report or only the first page? A subscription can send a snapshot of one page or a link to the full report.",
                ],
                Answers: ["Yes: \"The credentials provided for the SQL source are invalid.\"", "A link to the full report is enough."],
                Fixes:
                [
                    "The scheduled refresh was failing because the service account password for the SQL source had been rotated. I updated the credentials on the gateway and ran a manual refresh — the dashboard shows today's data, and the schedule is back to 7 am.",
                    "You can subscribe yourself: open the report, click \"Subscribe to report\" on the top bar, choose Weekly, Monday, 8:00 and your email. I set it up for you this week so you can see how it looks.",
                ],
                Notes: ["Gateway logs: refresh failing for 4 days with invalid credentials since the service account password rotation. Added the gateway to the rotation runbook.", "Subscription created on the user's behalf; Viewer on the workspace is enough to receive it."],
                Slots: new Dictionary<string, string[]> { ["report"] = ["weekly sales", "inventory", "accounts receivable"] }),
            Pt: new(
                Subjects: ["Dashboard de vendas não atualiza", "Como recebo o relatório de {report} por e-mail?"],
                Descriptions:
                [
                    "O dashboard de vendas no Power BI ainda mostra os dados da última {weekday}. Normalmente atualiza toda manhã às 7h. A diretoria usa na reunião de segunda, então precisamos dele atualizado hoje, se possível.",
                    "Como faço para receber o relatório de {report} por e-mail toda segunda? Vi um colega recebendo, mas não encontro a opção.",
                ],
                Questions:
                [
                    "Aparece um ícone de alerta ao lado do nome do conjunto de dados no workspace? Passando o mouse por cima aparece o erro da atualização — pode copiar o texto aqui?",
                    "Você quer o relatório inteiro ou só a primeira página? A assinatura pode mandar uma imagem de uma página ou um link para o relatório completo.",
                ],
                Answers: ["Sim: \"As credenciais fornecidas para a fonte SQL são inválidas.\"", "Um link para o relatório completo já resolve."],
                Fixes:
                [
                    "A atualização agendada estava falhando porque a senha da conta de serviço da fonte SQL tinha sido trocada. Atualizei as credenciais no gateway e rodei uma atualização manual — o dashboard já mostra os dados de hoje e o agendamento voltou para as 7h.",
                    "Dá para você se inscrever direto: abra o relatório, clique em \"Assinar relatório\" na barra superior e escolha Semanal, segunda-feira, 8h e o seu e-mail. Já deixei configurado para você nesta semana, para ver como fica.",
                ],
                Notes: ["Logs do gateway: atualização falhando há 4 dias com credenciais inválidas desde a troca de senha da conta de serviço. Incluí o gateway no roteiro de troca de senhas.", "Assinatura criada em nome do usuário; a permissão de Visualizador no workspace basta para receber."],
                Slots: new Dictionary<string, string[]> { ["report"] = ["vendas semanais", "estoque", "contas a receber"] })),

        new("software", ServiceRequest, DemoPeople.ServiceDesk, ["software"], Relaxed, 7,
            En: new(
                Subjects: ["Install {software}", "Request to install {software} on {asset}"],
                Descriptions: ["Could you install {software} on my laptop ({asset})? I don't have admin rights, and I need it for {purpose}."],
                Questions: ["{software} needs a paid license — does your manager approve the cost for your department? A reply from them here is enough."],
                Answers: ["{manager} approved it, see below:\n\n> Approved. — {manager}"],
                Fixes:
                [
                    "{software} is installed and licensed on {asset}. You'll find it in the Start menu; the first launch may take a minute while it finishes setting up.",
                    "I've published {software} in Company Portal, so you can install it yourself: Company Portal → Apps → {software} → Install. Your colleagues can get it the same way.",
                ],
                Notes: ["Deployed through Intune as a required app for the user's device.", "License assigned from the pool."],
                Slots: new Dictionary<string, string[]> { ["purpose"] = ["a project starting next week", "analysing the supplier data", "reviewing the building plans", "editing contracts"] }),
            Pt: new(
                Subjects: ["Instalar {software}", "Solicitação de instalação do {software} no {asset}"],
                Descriptions: ["Vocês podem instalar o {software} no meu notebook ({asset})? Não tenho permissão de administrador, e preciso para {purpose}."],
                Questions: ["O {software} precisa de licença paga — a gestão aprova o custo para a sua área? Basta uma resposta aqui da pessoa responsável."],
                Answers: ["{manager} aprovou, segue:\n\n> Aprovado. — {manager}"],
                Fixes:
                [
                    "O {software} está instalado e licenciado no {asset}. Você encontra no menu Iniciar; a primeira abertura pode levar um minuto enquanto termina a configuração.",
                    "Publiquei o {software} no Portal da Empresa, então agora dá para instalar direto: Portal da Empresa → Aplicativos → {software} → Instalar. Os colegas também conseguem pelo mesmo caminho.",
                ],
                Notes: ["Distribuído pelo Intune como aplicativo obrigatório para o dispositivo do usuário.", "Licença atribuída a partir do pool."],
                Slots: new Dictionary<string, string[]> { ["purpose"] = ["um projeto que começa semana que vem", "analisar os dados dos fornecedores", "revisar as plantas da obra", "editar contratos"] }),
            Slots: new Dictionary<string, string[]> { ["software"] = ["Power BI Desktop", "AutoCAD LT", "DBeaver", "Adobe Acrobat Pro", "Visual Studio Code"] }),

        new("teams", Question, DemoPeople.ServiceDesk, ["teams", "microsoft-365"], Relaxed, 7,
            En: new(
                Subjects: ["How do I record a Teams meeting?", "Can't share my screen in Teams", "External guests can't join our Teams meetings"],
                Descriptions:
                [
                    "I'd like to record our weekly meeting with the client, but the Record option is greyed out for me. Is it something that needs to be enabled?",
                    "When I share my screen in Teams, the others only see a black window. Sharing a single PowerPoint file works.",
                    "People from outside the company can't join our meetings — they stay in the lobby forever, even when we admit them.",
                ],
                Questions:
                [
                    "Are you the organizer of the meeting, or were you invited? Recording is available to organizers and people from the same organization.",
                    "Which Teams are you using — the new Teams or classic? It says so in the top-left corner.",
                    "Does it happen with all external guests, or only people from one company?",
                ],
                Answers: ["I'm the organizer, it's a recurring meeting I created.", "It says \"new Teams\".", "Only with the people from one supplier; others join fine."],
                Fixes:
                [
                    "Recording was disabled in the meeting policy of your department. I moved you to the standard policy; after signing out and back in to Teams, the Record button is available. Recordings are saved in your OneDrive, in the Recordings folder.",
                    "It's a known issue with screen sharing when the laptop drives two monitors with different scaling. Setting both to 100% (Settings → Display) fixes it; I did that remotely and we tested together.",
                    "The supplier blocks external meetings on their side, so their guests were joining with restricted accounts. I sent their IT team our domain to allow, and meanwhile they can join from the browser as anonymous guests.",
                ],
                Notes: ["User was still in the no-recording policy inherited from the previous department.", "Laptop screen at 125% scaling and the external monitor at 100% — matches the known issue.", "Checked the meeting logs: guests from that tenant fail the cross-tenant access check."]),
            Pt: new(
                Subjects: ["Como gravar uma reunião no Teams?", "Não consigo compartilhar a tela no Teams", "Convidados externos não conseguem entrar nas reuniões do Teams"],
                Descriptions:
                [
                    "Gostaria de gravar nossa reunião semanal com o cliente, mas a opção Gravar aparece desabilitada para mim. Precisa habilitar alguma coisa?",
                    "Quando compartilho a tela no Teams, os outros só veem uma janela preta. Compartilhar só um arquivo do PowerPoint funciona.",
                    "Pessoas de fora da empresa não conseguem entrar nas nossas reuniões — ficam no lobby para sempre, mesmo quando admitimos.",
                ],
                Questions:
                [
                    "Você é quem organiza a reunião ou recebeu o convite? A gravação fica disponível para quem organiza e para pessoas da mesma organização.",
                    "Qual Teams você está usando — o novo Teams ou o clássico? Aparece no canto superior esquerdo.",
                    "Acontece com todos os convidados externos ou só com pessoas de uma empresa?",
                ],
                Answers: ["Sou eu que organizo, é uma reunião recorrente que criei.", "Aparece \"novo Teams\".", "Só com o pessoal de um fornecedor; os outros entram normalmente."],
                Fixes:
                [
                    "A gravação estava desabilitada na política de reuniões da sua área. Passei você para a política padrão; depois de sair e entrar de novo no Teams, o botão Gravar aparece. As gravações ficam no seu OneDrive, na pasta Gravações.",
                    "É um problema conhecido no compartilhamento de tela quando o notebook usa dois monitores com escalas diferentes. Deixar os dois em 100% (Configurações → Tela) resolve; fiz isso remotamente e testamos juntos.",
                    "O fornecedor bloqueia reuniões externas do lado deles, então os convidados entravam com contas restritas. Mandei para a TI deles o nosso domínio para liberarem e, enquanto isso, eles podem entrar pelo navegador como convidados anônimos.",
                ],
                Notes: ["Usuário ainda estava na política sem gravação herdada da área anterior.", "Tela do notebook em 125% de escala e monitor externo em 100% — bate com o problema conhecido.", "Logs da reunião: convidados desse tenant falham na verificação de acesso entre organizações."])),

        new("file-restore", ServiceRequest, DemoPeople.Infrastructure, ["backup", "file-server"], Routine, 6,
            En: new(
                Subjects: ["Restore deleted folder on the file server", "Need an older version of {file}"],
                Descriptions:
                [
                    "Yesterday afternoon I accidentally deleted a folder inside `\\\\fs01\\{folder}` with about 200 files. It's not in the Recycle Bin. Can it be restored from backup?",
                    "Someone overwrote {file} in `\\\\fs01\\{folder}` this morning and we lost two days of changes. Can you restore the version from {weekday} evening?",
                ],
                Questions:
                [
                    "Could you tell me the exact name of the deleted folder and roughly when it was last OK? Restoring the whole share would overwrite newer changes, so I'll restore just that folder.",
                    "Should the old version replace the current file, or shall I restore it next to it with another name so you can compare?",
                ],
                Answers: ["It was called \"Supplier quotes\" and it was fine on Monday afternoon.", "Next to it, please — we'll compare and merge the changes."],
                Fixes:
                [
                    "Restored from last night's backup: the folder is back in its original place with all files as of 11 pm the day before it was deleted. Anything created after that wasn't in the backup, so please check whether something from that last day is missing.",
                    "I restored the {weekday} 8 pm version as \"{file} (restored)\" in the same folder; the current file is untouched. You can also right-click a file → Properties → Previous Versions to get the hourly snapshots yourself.",
                ],
                Notes: ["Restore job completed: 214 files, 1.2 GB.", "Snapshot was available; restored through Previous Versions, no backup job needed."],
                Slots: new Dictionary<string, string[]>
                {
                    ["folder"] = ["Projects\\Tower B", "Finance\\Closing", "Engineering\\Drawings", "HR\\Contracts"],
                    ["file"] = ["Budget Tower B.xlsx", "Monthly closing.xlsx", "Project schedule.mpp"],
                }),
            Pt: new(
                Subjects: ["Restaurar pasta apagada no servidor de arquivos", "Preciso de uma versão antiga do arquivo {file}"],
                Descriptions:
                [
                    "Ontem à tarde apaguei sem querer uma pasta dentro de `\\\\fs01\\{folder}` com uns 200 arquivos. Não está na Lixeira. Dá para restaurar do backup?",
                    "Alguém sobrescreveu o {file} em `\\\\fs01\\{folder}` hoje de manhã e perdemos dois dias de alterações. Vocês conseguem restaurar a versão de {weekday} à noite?",
                ],
                Questions:
                [
                    "Você pode me passar o nome exato da pasta apagada e mais ou menos quando ela estava ok? Restaurar o compartilhamento inteiro sobrescreveria alterações mais novas, então vou restaurar só a pasta.",
                    "A versão antiga deve substituir o arquivo atual ou prefere que eu restaure ao lado, com outro nome, para vocês compararem?",
                ],
                Answers: ["A pasta se chamava \"Cotações fornecedores\" e estava ok na segunda à tarde.", "Ao lado, por favor — vamos comparar e juntar as alterações."],
                Fixes:
                [
                    "Restaurei a partir do backup de ontem à noite: a pasta voltou para o lugar original com todos os arquivos como estavam às 23h do dia anterior à exclusão. O que foi criado depois disso não estava no backup, então confira se falta algo do último dia.",
                    "Restaurei a versão de {weekday} às 20h como \"{file} (restaurado)\" na mesma pasta; o arquivo atual não foi alterado. Também dá para clicar com o botão direito no arquivo → Propriedades → Versões Anteriores e recuperar os snapshots de hora em hora.",
                ],
                Notes: ["Job de restauração concluído: 214 arquivos, 1,2 GB.", "Havia snapshot; restaurado por Versões Anteriores, sem precisar de job de backup."],
                Slots: new Dictionary<string, string[]>
                {
                    ["folder"] = ["Projetos\\Torre B", "Financeiro\\Fechamento", "Engenharia\\Plantas", "RH\\Contratos"],
                    ["file"] = ["Orçamento Torre B.xlsx", "Fechamento mensal.xlsx", "Cronograma da obra.mpp"],
                })),

        new("slow-computer", Incident, DemoPeople.ServiceDesk, ["performance"], Routine, 8,
            En: new(
                Subjects: ["Computer very slow after update", "Laptop {asset} freezing several times a day"],
                Descriptions:
                [
                    "Since last week's update my laptop is extremely slow: it takes 10 minutes to start, and Excel freezes for a minute when I open bigger files. The fan is always on.",
                    "My laptop ({asset}) freezes several times a day for 20–30 seconds; the mouse moves but nothing responds. Task Manager shows the disk at 100%.",
                ],
                Questions: ["Could you leave the laptop on and connected this afternoon? I'd like to take a look remotely — about 30 minutes, and you can keep working while I check."],
                Answers: ["Sure, it's on now. Go ahead whenever you like."],
                Fixes:
                [
                    "Found two causes: the antivirus was scanning the OneDrive folder in a loop after the update, and the disk had only 3 GB free. I fixed the scan exclusion and cleared 40 GB of temporary files. Startup now takes under a minute — let me know if Excel still freezes.",
                    "The disk in your laptop is failing (the SMART check shows reallocated sectors), which explains the freezes. We'll replace it with an SSD tomorrow: bring the laptop to the IT desk at 9 am and it will be ready by lunch, with your files.",
                ],
                Notes: ["Antivirus scanning the OneDrive cache in a loop — known issue with the last platform update; exclusion applied by policy for the whole client.", "Disk health check: 312 reallocated sectors. Replace before it dies; SSD in stock."]),
            Pt: new(
                Subjects: ["Computador muito lento depois da atualização", "Notebook {asset} travando várias vezes por dia"],
                Descriptions:
                [
                    "Desde a atualização da semana passada meu notebook está extremamente lento: leva 10 minutos para ligar e o Excel trava por um minuto quando abro arquivos maiores. A ventoinha fica sempre ligada.",
                    "Meu notebook ({asset}) trava várias vezes por dia por 20 a 30 segundos; o mouse mexe, mas nada responde. O Gerenciador de Tarefas mostra o disco em 100%.",
                ],
                Questions: ["Você pode deixar o notebook ligado e conectado hoje à tarde? Quero dar uma olhada por acesso remoto — uns 30 minutos, e dá para continuar trabalhando enquanto verifico."],
                Answers: ["Claro, já está ligado. Pode acessar quando quiser."],
                Fixes:
                [
                    "Encontrei duas causas: o antivírus estava verificando a pasta do OneDrive em loop depois da atualização, e o disco tinha só 3 GB livres. Corrigi a exclusão da verificação e limpei 40 GB de arquivos temporários. Agora liga em menos de um minuto — me avise se o Excel continuar travando.",
                    "O disco do seu notebook está com defeito (o teste SMART mostra setores realocados), o que explica os travamentos. Vamos trocar por um SSD amanhã: traga o notebook ao balcão de TI às 9h que fica pronto até o almoço, com seus arquivos.",
                ],
                Notes: ["Antivírus verificando o cache do OneDrive em loop — problema conhecido da última atualização da plataforma; exclusão aplicada por política para o cliente todo.", "Teste de saúde do disco: 312 setores realocados. Trocar antes que pare; tem SSD em estoque."])),

        new("api", Incident, DemoPeople.Applications, ["api", "bug"], Pressing, 6,
            En: new(
                Subjects: ["Orders API returning 401 since this morning", "Webhook deliveries failing for {integration}"],
                Descriptions:
                [
                    "Our ERP integration started getting `401 Unauthorized` from the orders API at about 6 am. Nothing changed on our side. Orders from the web shop aren't reaching the ERP, so the warehouse is waiting.",
                    "The webhook that notifies {integration} of new invoices has been failing since yesterday. Our endpoint logs show no requests at all, so maybe they aren't being sent?",
                ],
                Questions:
                [
                    "Can you send me the client ID used by the integration (not the secret!) and the `x-request-id` header of one failed response?",
                    "Could you confirm the URL configured for the webhook, and whether its TLS certificate was renewed recently?",
                ],
                Answers: ["Client ID `erp-prod-{digits}`. One of the failed requests has x-request-id `b81f{digits}e2`.", "The URL is the same as always. And yes — our team renewed the certificate on Monday."],
                Fixes:
                [
                    "The integration's client secret expired this morning (they're valid for 12 months). I generated a new one and sent it to your technical contact through a one-time link; once it's updated in the ERP, the queued orders will go through — they're kept for 72 hours, so nothing is lost.",
                    "The new certificate on your endpoint was missing the intermediate chain, so our webhook sender refused the TLS connection and dropped the deliveries without alerting anyone (that part is a bug on our side, and we're fixing it). Once your team fixed the chain, I replayed the failed deliveries from the last 48 hours.",
                ],
                Notes: ["Secret for client erp-prod expired today 05:58 UTC. We need an expiry reminder — improvement opened in the backlog.", "Customer endpoint serves an incomplete certificate chain. Replayed 38 events with the admin tool."],
                Slots: new Dictionary<string, string[]> { ["integration"] = ["our warehouse system", "the CRM", "the billing platform"] }),
            Pt: new(
                Subjects: ["API de pedidos retornando 401 desde hoje cedo", "Webhooks falhando para {integration}"],
                Descriptions:
                [
                    "Nossa integração do ERP começou a receber `401 Unauthorized` da API de pedidos por volta das 6h. Nada mudou do nosso lado. Os pedidos da loja virtual não estão chegando no ERP, e a expedição está parada esperando.",
                    "O webhook que notifica {integration} sobre notas novas está falhando desde ontem. Os logs do nosso endpoint não mostram nenhuma requisição, então talvez nem estejam sendo enviadas?",
                ],
                Questions:
                [
                    "Você pode me mandar o client ID usado pela integração (não o secret!) e o cabeçalho `x-request-id` de uma resposta com erro?",
                    "Pode confirmar a URL configurada no webhook e se o certificado TLS dela foi renovado recentemente?",
                ],
                Answers: ["Client ID `erp-prod-{digits}`. Uma das requisições com erro tem x-request-id `b81f{digits}e2`.", "A URL é a mesma de sempre. E sim — nosso time renovou o certificado na segunda."],
                Fixes:
                [
                    "O client secret da integração expirou hoje de manhã (ele vale 12 meses). Gerei um novo e enviei para o contato técnico de vocês por um link de uso único; assim que for atualizado no ERP, os pedidos na fila vão passar — eles ficam guardados por 72 horas, então nada se perdeu.",
                    "O certificado novo do endpoint de vocês estava sem a cadeia intermediária, então nosso envio de webhooks recusava a conexão TLS e descartava as entregas sem alertar ninguém (essa parte é um bug nosso, e já estamos corrigindo). Depois que o time de vocês corrigiu a cadeia, reenviei as entregas com falha das últimas 48 horas.",
                ],
                Notes: ["Secret do client erp-prod expirou hoje às 05:58 UTC. Precisamos de um lembrete de expiração — melhoria aberta no backlog.", "Endpoint do cliente entrega a cadeia de certificados incompleta. Reenviados 38 eventos pela ferramenta administrativa."],
                Slots: new Dictionary<string, string[]> { ["integration"] = ["o nosso sistema de armazém", "o CRM", "a plataforma de cobrança"] })),
    ];

    private static JsonObject AccessFields(DemoSlots slots, string description) => new()
    {
        ["system"] = slots["system"],
        ["justification"] = Sentence(slots["justification"]),
        ["startDate"] = slots["startDate"],
    };

    private static JsonObject HardwareFields(DemoSlots slots, string description) => new()
    {
        ["computerNumber"] = slots["asset"],
        ["location"] = slots["office"],
    };

    private static JsonObject OnboardingFields(DemoSlots slots, string description) => new()
    {
        ["employeeName"] = slots["person"],
        ["startDate"] = slots["startDate"],
        ["department"] = slots["departmentOption"],
        ["equipment"] = new JsonArray(slots["equipment"].Split('|').Select(e => (JsonNode?)JsonValue.Create(e)).ToArray()),
        ["managerEmail"] = slots["email"],
        // The form must agree with the request: only the story that asks for VPN ticks the box.
        ["needsVpn"] = description.Contains("VPN", StringComparison.Ordinal),
    };

    private static string Sentence(string text) =>
        string.Concat(char.ToUpper(text[0], CultureInfo.InvariantCulture).ToString(), text.AsSpan(1), ".");
}
