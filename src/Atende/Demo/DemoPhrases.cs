namespace Atende.Demo;

/// <summary>
/// The words every demo ticket shares whatever it is about: greetings, acknowledgements, thanks, and the
/// everyday nouns (floors, rooms, people) the scenarios' texts slot in. Portuguese avoids gendered forms
/// ("obrigado/obrigada") because the demo does not know who is writing.
/// </summary>
internal sealed record DemoPhrases(
    string[] CustomerGreetings,
    string[] CustomerSignOffs,
    string[] AgentGreetings,
    string[] AgentFirstGreetings,
    string[] AgentSignOffs,
    string[] Acknowledgements,
    string[] FollowUps,
    string[] Thanks,
    string[] Reopens,
    string[] Refixes,
    string[] TimeNotes,
    string DuplicatePreface,
    string[] Floors,
    string[] Rooms,
    string[] Weekdays,
    string[] Managers,
    string[] Colleagues,
    string[] People)
{
    public const string English = "en";
    public const string Portuguese = "pt-BR";

    public static DemoPhrases For(string language) => language == Portuguese ? Pt : En;

    public static readonly DemoPhrases En = new(
        CustomerGreetings: ["Hi,", "Hello,", "Hi team,", "Good morning,", "Hello support team,", ""],
        CustomerSignOffs: ["Thanks,\n{first}", "Thank you!\n{name}", "Regards,\n{name}", "Cheers,\n{first}", "{first}", ""],
        AgentGreetings: ["Hi {first},", "Hello {first},"],
        AgentFirstGreetings: ["Hi {first}, thanks for reaching out."],
        AgentSignOffs: ["Best regards,\n{agent}", "Thanks,\n{agent}", "Kind regards,\n{agent}", "— {agent}"],
        Acknowledgements:
        [
            "Thanks for your message. I've picked up your ticket and I'm looking into it now; I'll update you here as soon as I know more.",
            "I'm on it. I'll let you know where things stand within the next couple of hours.",
            "Got it — I've started on this. If anything changes on your side, just reply here instead of opening another ticket.",
        ],
        FollowUps:
        [
            "Any update on this? It's still happening.",
            "Just checking whether someone has seen this ticket — it's affecting more people in the team now.",
            "Adding some information: it also happens on a colleague's computer, so it's probably not just me.",
        ],
        Thanks:
        [
            "That worked, thank you very much!",
            "All good now. Thanks for the quick help!",
            "Confirmed, it's working again. You can close the ticket.",
            "Perfect, thanks {agent}!",
        ],
        Reopens:
        [
            "Sorry, it's happening again since this morning. Same behaviour as before.",
            "It worked for a day, but the problem is back.",
        ],
        Refixes:
        [
            "Thanks for letting me know. The change didn't survive the last restart; I've applied it again and made it permanent this time. Could you check once more?",
            "Sorry about that. There was a second cause I missed the first time — it's fixed now, and I tested it for a few hours before writing back.",
        ],
        TimeNotes:
        [
            "Remote session with the user",
            "Log analysis and troubleshooting",
            "Configuration change and testing",
            "Call with the customer",
            "On-site visit",
            "Documentation update",
        ],
        DuplicatePreface: "I opened a ticket about this earlier but haven't heard back, so I'm sending it again:\n\n",
        Floors: ["2nd floor", "3rd floor", "ground floor", "5th floor"],
        Rooms: ["meeting room Ipê", "the training room", "meeting room 3B", "the boardroom"],
        Weekdays: ["Wednesday", "Thursday", "Friday"],
        Managers: ["Karen Doyle", "Steven Price", "Maria Lopez", "Andrew Foster"],
        Colleagues: ["Jenna", "Marcus", "Hailey", "Owen"],
        People: ["Jordan Blake", "Alicia Moreno", "Connor Hayes", "Mei Tanaka", "Samuel Wright"]);

    public static readonly DemoPhrases Pt = new(
        CustomerGreetings: ["Olá,", "Bom dia,", "Boa tarde,", "Oi, pessoal,", "Olá, equipe de suporte,", ""],
        CustomerSignOffs: ["Abraços,\n{first}", "Atenciosamente,\n{name}", "Agradeço desde já!\n{first}", "Valeu!\n{first}", "{name}", ""],
        AgentGreetings: ["Olá, {first}!", "Olá, {first}.", "Oi, {first},"],
        AgentFirstGreetings: ["Oi, {first}, tudo bem?"],
        AgentSignOffs: ["Abraço,\n{agent}", "Atenciosamente,\n{agent}", "Qualquer dúvida, estou à disposição.\n{agent}", "— {agent}"],
        Acknowledgements:
        [
            "Recebi seu chamado e já estou analisando. Assim que tiver novidades, atualizo por aqui.",
            "Já estou verificando. Te dou um retorno nas próximas horas.",
            "Peguei o chamado e já comecei. Se algo mudar do seu lado, é só responder aqui, não precisa abrir outro.",
        ],
        FollowUps:
        [
            "Alguma novidade? O problema continua.",
            "Só confirmando se alguém já viu este chamado — agora está afetando mais gente do time.",
            "Complementando: também acontece no computador de um colega, então não deve ser só comigo.",
        ],
        Thanks:
        [
            "Funcionou! Valeu pela ajuda.",
            "Tudo certo agora. Agradeço pelo retorno rápido!",
            "Confirmado, voltou a funcionar. Pode encerrar o chamado.",
            "Perfeito, valeu, {agent}!",
        ],
        Reopens:
        [
            "Desculpe, voltou a acontecer desde hoje de manhã. Mesmo comportamento de antes.",
            "Funcionou por um dia, mas o problema voltou.",
        ],
        Refixes:
        [
            "Valeu por avisar. A alteração não persistiu depois da última reinicialização; apliquei de novo e deixei permanente desta vez. Pode testar mais uma vez?",
            "Desculpe por isso. Havia uma segunda causa que não tinha aparecido da primeira vez — já está corrigida, e acompanhei por algumas horas antes de responder.",
        ],
        TimeNotes:
        [
            "Acesso remoto com o usuário",
            "Análise de logs e diagnóstico",
            "Ajuste de configuração e testes",
            "Ligação com o cliente",
            "Atendimento presencial",
            "Atualização da documentação",
        ],
        DuplicatePreface: "Abri um chamado sobre isso mais cedo mas ainda não tive retorno, então estou mandando de novo:\n\n",
        Floors: ["2º andar", "3º andar", "térreo", "5º andar"],
        Rooms: ["sala de reunião Ipê", "sala de treinamento", "sala 3B", "sala Jacarandá"],
        Weekdays: ["quarta-feira", "quinta-feira", "sexta-feira"],
        Managers: ["Cláudia Ramos", "Sérgio Batista", "Helena Duarte", "Roberto Farias"],
        Colleagues: ["Luana", "Márcio", "Bianca", "Otávio"],
        People: ["Isabela Fontes", "Caio Meireles", "Lorena Siqueira", "Henrique Bastos", "Natália Campos"]);
}
