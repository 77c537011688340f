using System.Text.Json;
using ArchitectAgents.Core.Document;

namespace ArchitectAgents.Core.Requirements;

/// <summary>The reader's word lists (<c>Knowledge/Data/reading.json</c>): general English, used on top of the NLP tags.</summary>
public sealed class ReadingLexicon
{
    private static readonly Lazy<ReadingLexicon> Shared = new(Load);
    private static readonly JsonSerializerOptions ReadOptions = new(JsonSerializerDefaults.Web);

    /// <summary>The embedded lexicon.</summary>
    public static ReadingLexicon Default => Shared.Value;

    /// <summary>Subjects that mean the organisation itself ("we").</summary>
    public HashSet<string> FirstPerson { get; init; } = [];

    /// <summary>Verbs whose real action is a following "to V" ("use X to scan", "want X to be able to renew").</summary>
    public HashSet<string> Carriers { get; init; } = [];

    /// <summary>Particles of phrasal verbs.</summary>
    public HashSet<string> Particles { get; init; } = [];

    /// <summary>Verb + particle pairs that form one action.</summary>
    public HashSet<string> PhrasalVerbs { get; init; } = [];

    /// <summary>Pronouns to resolve.</summary>
    public HashSet<string> Pronouns { get; init; } = [];

    /// <summary>Verbs that state facts, wishes or business context rather than use cases.</summary>
    public HashSet<string> StopVerbs { get; init; } = [];

    /// <summary>Verbs the system itself performs when the brief says "we …".</summary>
    public HashSet<string> SystemVerbs { get; init; } = [];

    /// <summary>Common action verbs, used when the tagger calls a verb after an actor a noun ("students browse sections").</summary>
    public HashSet<string> ActionVerbs { get; init; } = [];

    /// <summary>Verbs that move a thing from one lifecycle state to another.</summary>
    public HashSet<string> TransitionVerbs { get; init; } = [];

    /// <summary>Endings of nouns that name a role ("-er", "-or", "-ist").</summary>
    public List<string> ActorSuffixes { get; init; } = [];

    /// <summary>Nouns that name people or organisations.</summary>
    public HashSet<string> ActorNouns { get; init; } = [];

    /// <summary>Head nouns that make a subject a system actor ("podcast apps", "the warehouse system").</summary>
    public HashSet<string> SystemActorHeads { get; init; } = [];

    /// <summary>Nouns that are never actors, whatever their ending.</summary>
    public HashSet<string> NotActors { get; init; } = [];

    /// <summary>Nouns too generic to be entities.</summary>
    public HashSet<string> GenericNouns { get; init; } = [];

    /// <summary>Languages, frameworks and datastores a brief may name as its stack.</summary>
    public List<string> StackNames { get; init; } = [];

    /// <summary>Platforms, services and vendors a brief may name.</summary>
    public List<string> ProductNames { get; init; } = [];

    /// <summary>Operating systems a brief may name (Android, iOS): what clients run on, never a system to integrate with.</summary>
    public HashSet<string> PlatformNames { get; init; } = [];

    /// <summary>Protocols and formats a brief may name (OData, SFTP, HL7): how a system is reached, never a system of its own.</summary>
    public HashSet<string> ProtocolNames { get; init; } = [];

    /// <summary>Nouns of hardware people carry or install ("handhelds", "scanners"): a product named before one ("Zebra TC52 handhelds") is a device, not a system.</summary>
    public HashSet<string> DeviceNouns { get; init; } = [];

    /// <summary>Nouns that name an action, with the verb ("selection" → "select"): a feature stated as a noun ("seat selection") is that verb on its modifier.</summary>
    public Dictionary<string, string> Nominalisations { get; init; } = [];

    /// <summary>Verbs written for one canonical action ("see" → "view"), so the same operation reads the same in every brief.</summary>
    public Dictionary<string, string> CanonicalActions { get; init; } = [];

    /// <summary>What users do with a feature named by a noun alone ("waitlist" → join it, "channel" → send a message): keyed by the singular noun.</summary>
    public Dictionary<string, ImpliedAction> ImpliedActions { get; init; } = [];

    /// <summary>Actions that add a record inside their object ("reply in" a thread, "comment on" a post): a sub-resource, not a create of the object. Listed, so "sign in" never becomes a signature.</summary>
    public HashSet<string> ChildRecordActions { get; init; } = [];

    /// <summary>Verbs that move their object somewhere ("export to SAS", "push to the ERP"): "to X" names where it goes, not what is moved, so the object is the chain's or the one before.</summary>
    public HashSet<string> DestinationVerbs { get; init; } = [];

    /// <summary>Verbs whose passive says a role is told of something ("be told when their orders ship", "are notified of delays"): the role is notified of that event.</summary>
    public HashSet<string> NotifyVerbs { get; init; } = [];

    /// <summary>Verbs by which a role wants or gets a thing ("creators want download stats", "nurses get a mobile push"): the role does what that feature implies.</summary>
    public HashSet<string> ReceiptVerbs { get; init; } = [];

    /// <summary>Nouns that name a product a brief asks for ("module", "system", "app"): "a booking module" is what its users do, booking.</summary>
    public HashSet<string> ProductNouns { get; init; } = [];

    /// <summary>The action of a role that is notified of an event: a use case the system performs for the role, by a message or a webhook, not an operation the role calls.</summary>
    public const string NotifiedAction = "get notified of";

    /// <summary>Actions that take no object ("sign up", "log in"): a later object in the same list is not theirs.</summary>
    public HashSet<string> IntransitiveActions { get; init; } = [];

    /// <summary>The record an action leaves behind ("reserve" → "reservation"): a thing the system keeps.</summary>
    public Dictionary<string, string> RecordNouns { get; init; } = [];

    /// <summary>
    /// The record an action leaves: its own entry, else its first word's, except for a phrasal verb, which is its own
    /// action ("sign in" leaves no signature) unless it is a listed child-record action ("comment on" leaves a comment).
    /// </summary>
    public string? RecordOf(string action) =>
        RecordNouns.TryGetValue(action, out var record) ? record
        : (!PhrasalVerbs.Contains(action) || ChildRecordActions.Contains(action)) && RecordNouns.TryGetValue(action.Split(' ')[0], out record) ? record
        : null;

    /// <summary>Nouns that name an amount of value rather than a thing ("money", "funds"): moving them leaves a record of the movement.</summary>
    public HashSet<string> ValueNouns { get; init; } = [];

    /// <summary>The record a verb leaves when what it moves is value ("send money" → a transfer, "donate funds" → a donation).</summary>
    public Dictionary<string, string> ValueRecords { get; init; } = [];

    /// <summary>True when the object names an amount of value ("money", "the funds"), not a thing the system keeps.</summary>
    public bool IsValue(string obj) => obj.Split(' ', StringSplitOptions.RemoveEmptyEntries) is { Length: > 0 } words && ValueNouns.Contains(words[^1]);

    /// <summary>The record a use case leaves: the movement when it moves value ("send money" → transfer), the record listed for the action on this object ("join a waitlist" → waitlist entry), else <see cref="RecordOf(string)"/>.</summary>
    public string? RecordOf(string action, string obj) =>
        IsValue(obj) && ValueRecords.TryGetValue(action, out var movement) ? movement
        : RecordNouns.TryGetValue($"{action} {Inflection.Singular(obj.ToLowerInvariant())}", out var entry) ? entry
        : RecordOf(action);

    /// <summary>A verb and the two words after its object that together name one action ("put X on hold" → "put on hold", "take X off hold" → "release").</summary>
    public Dictionary<string, string> ObjectIdioms { get; init; } = [];

    /// <summary>Verbs whose source does the converse ("receive X from Y" → Y sends X).</summary>
    public Dictionary<string, string> ConverseActions { get; init; } = [];

    /// <summary>Word-by-word English glossaries by language code ("fr", "es"), for reading roles, actions and things from other languages.</summary>
    public Dictionary<string, Glossary> Glossaries { get; init; } = [];

    /// <summary>Verbs by the kind of API operation they call for: create, search, read, update, export, delete (transitions are <see cref="TransitionVerbs"/>).</summary>
    public Dictionary<string, HashSet<string>> OperationVerbs { get; init; } = [];

    /// <summary>The operation kind a use case calls for: a movement of value is the create of its record ("withdraw cash" → a withdrawal), else the verb's kind.</summary>
    public string? OperationKind(UseCase useCase) =>
        IsValue(useCase.Object) && ValueRecords.ContainsKey(useCase.Action) ? "create" : OperationKind(useCase.Action);

    /// <summary>The operation kind a use-case verb calls for: create, search, read, update, export, delete, transition, notify (the system tells the role; no operation), or null.</summary>
    public string? OperationKind(string action)
    {
        var verb = action.ToLowerInvariant();
        if (verb == NotifiedAction)
        {
            return "notify";
        }

        foreach (var kind in new[] { "export", "search", "delete", "update" })
        {
            if (OperationVerbs.TryGetValue(kind, out var verbs) && (verbs.Contains(verb) || verbs.Contains(verb.Split(' ')[0])))
            {
                return kind;
            }
        }

        if (TransitionVerbs.Contains(verb) && !(OperationVerbs.TryGetValue("create", out var creates) && creates.Contains(verb)))
        {
            return "transition";
        }

        foreach (var kind in new[] { "create", "read" })
        {
            if (OperationVerbs.TryGetValue(kind, out var verbs) && (verbs.Contains(verb) || verbs.Contains(verb.Split(' ')[0])))
            {
                return kind;
            }
        }

        return TransitionVerbs.Contains(verb) ? "transition" : null;
    }

    /// <summary>True when the noun phrase names someone or something that acts.</summary>
    public bool IsActor(IReadOnlyList<Token> np)
    {
        if (np.Count == 0)
        {
            return false;
        }

        var last = np[^1];
        var lemma = last.Lemma.ToLowerInvariant();
        var phrase = string.Join(' ', np.Select(x => x.Normal));
        if (np.Count == 1 && FirstPerson.Contains(last.Normal))
        {
            return true;
        }

        if (NotActors.Contains(lemma) || NotActors.Contains(phrase) || last.Is("Pronoun") && !FirstPerson.Contains(last.Normal))
        {
            return false;
        }

        if (last.Is("Person") || last.Is("Organization") || ActorNouns.Contains(lemma) || ActorNouns.Contains(last.Normal) || ActorNouns.Contains(phrase) || SystemActorHeads.Contains(lemma))
        {
            return true;
        }

        // A proper noun that is not a place ("SiteMinder", "SAP EWM") acts as an external system.
        if ((last.Is("ProperNoun") || last.Is("Acronym")) && !last.Is("Place") && !last.Is("Date"))
        {
            return true;
        }

        return lemma.Length > 4 && ActorSuffixes.Any(s => lemma.EndsWith(s, StringComparison.Ordinal)) && !lemma.EndsWith("ment", StringComparison.Ordinal);
    }

    /// <summary>True when the phrase's head is a system rather than a person.</summary>
    public bool IsSystem(IReadOnlyList<Token> np) => np.Count > 0 && (SystemActorHeads.Contains(np[^1].Lemma.ToLowerInvariant()) || np[^1].Is("ProperNoun") && !np[^1].Is("Person") || np[^1].Is("Acronym"));

    private static ReadingLexicon Load()
    {
        using var stream = typeof(ReadingLexicon).Assembly.GetManifestResourceStream("ArchitectAgents.Knowledge.reading.json")
            ?? throw new InvalidOperationException("Embedded knowledge file reading.json is missing from the build.");
        var raw = JsonSerializer.Deserialize<Raw>(stream, ReadOptions)
            ?? throw new InvalidOperationException("reading.json is empty");
        static HashSet<string> Set(List<string>? l) => new(l ?? [], StringComparer.OrdinalIgnoreCase);
        return new ReadingLexicon
        {
            FirstPerson = Set(raw.FirstPerson), Carriers = Set(raw.Carriers), Particles = Set(raw.Particles), PhrasalVerbs = Set(raw.PhrasalVerbs),
            Pronouns = Set(raw.Pronouns), StopVerbs = Set(raw.StopVerbs), SystemVerbs = Set(raw.SystemVerbs), TransitionVerbs = Set(raw.TransitionVerbs),
            ActorSuffixes = raw.ActorSuffixes ?? [], ActorNouns = Set(raw.ActorNouns), SystemActorHeads = Set(raw.SystemActorHeads),
            NotActors = Set(raw.NotActors), GenericNouns = Set(raw.GenericNouns),
            StackNames = raw.StackNames ?? [], ActionVerbs = Set(raw.ActionVerbs),
            RecordNouns = new Dictionary<string, string>(raw.RecordNouns ?? [], StringComparer.OrdinalIgnoreCase),
            ValueNouns = Set(raw.ValueNouns),
            ValueRecords = new Dictionary<string, string>(raw.ValueRecords ?? [], StringComparer.OrdinalIgnoreCase),
            ConverseActions = new Dictionary<string, string>(raw.ConverseActions ?? [], StringComparer.OrdinalIgnoreCase),
            Nominalisations = new Dictionary<string, string>(raw.Nominalisations ?? [], StringComparer.OrdinalIgnoreCase),
            CanonicalActions = new Dictionary<string, string>(raw.CanonicalActions ?? [], StringComparer.OrdinalIgnoreCase),
            ObjectIdioms = new Dictionary<string, string>(raw.ObjectIdioms ?? [], StringComparer.OrdinalIgnoreCase),
            ChildRecordActions = Set(raw.ChildRecordActions),
            DestinationVerbs = Set(raw.DestinationVerbs),
            IntransitiveActions = Set(raw.IntransitiveActions),
            NotifyVerbs = Set(raw.NotifyVerbs), ReceiptVerbs = Set(raw.ReceiptVerbs), ProductNouns = Set(raw.ProductNouns),
            ImpliedActions = (raw.ImpliedActions ?? []).Where(a => a.Value.ValueKind == JsonValueKind.Object)
                .ToDictionary(a => a.Key, a => a.Value.Deserialize<ImpliedAction>(ReadOptions)!, StringComparer.OrdinalIgnoreCase),
            Glossaries = (raw.Glossaries ?? []).Where(g => g.Value.ValueKind == JsonValueKind.Object).ToDictionary(
                g => g.Key,
                g => new Glossary(
                    g.Value.GetProperty("words").EnumerateObject().ToDictionary(w => w.Name, w => w.Value.GetString() ?? "", StringComparer.OrdinalIgnoreCase),
                    [.. g.Value.GetProperty("endings").EnumerateArray().Select(e => (e[0].GetString() ?? "", e[1].GetString() ?? ""))]),
                StringComparer.Ordinal),
            OperationVerbs = (raw.OperationVerbs ?? []).ToDictionary(k => k.Key, k => Set(k.Value), StringComparer.Ordinal), ProductNames = raw.ProductNames ?? [],
            PlatformNames = Set(raw.PlatformNames), ProtocolNames = Set(raw.ProtocolNames), DeviceNouns = Set(raw.DeviceNouns),
        };
    }

    private sealed class Raw
    {
        public List<string>? FirstPerson { get; set; }
        public List<string>? Carriers { get; set; }
        public List<string>? Particles { get; set; }
        public List<string>? PhrasalVerbs { get; set; }
        public List<string>? Pronouns { get; set; }
        public List<string>? StopVerbs { get; set; }
        public List<string>? SystemVerbs { get; set; }
        public List<string>? TransitionVerbs { get; set; }
        public List<string>? ActorSuffixes { get; set; }
        public List<string>? ActorNouns { get; set; }
        public List<string>? SystemActorHeads { get; set; }
        public List<string>? NotActors { get; set; }
        public List<string>? GenericNouns { get; set; }
        public List<string>? StackNames { get; set; }
        public List<string>? ActionVerbs { get; set; }
        public Dictionary<string, List<string>>? OperationVerbs { get; set; }
        public List<string>? ProductNames { get; set; }
        public List<string>? PlatformNames { get; set; }
        public List<string>? ProtocolNames { get; set; }
        public List<string>? DeviceNouns { get; set; }
        public Dictionary<string, string>? Nominalisations { get; set; }
        public Dictionary<string, string>? CanonicalActions { get; set; }
        public Dictionary<string, string>? ObjectIdioms { get; set; }
        public Dictionary<string, JsonElement>? Glossaries { get; set; }
        public Dictionary<string, string>? ConverseActions { get; set; }
        public Dictionary<string, string>? RecordNouns { get; set; }
        public List<string>? ValueNouns { get; set; }
        public Dictionary<string, string>? ValueRecords { get; set; }
        public Dictionary<string, JsonElement>? ImpliedActions { get; set; }
        public List<string>? ChildRecordActions { get; set; }
        public List<string>? DestinationVerbs { get; set; }
        public List<string>? IntransitiveActions { get; set; }
        public List<string>? NotifyVerbs { get; set; }
        public List<string>? ReceiptVerbs { get; set; }
        public List<string>? ProductNouns { get; set; }
    }
}

/// <summary>The action a feature noun implies, and its object when that is not the feature itself.</summary>
public sealed record ImpliedAction
{
    /// <summary>The action ("join", "reply in").</summary>
    public string Action { get; init; } = "";

    /// <summary>What it acts on, when not the feature ("message" for a channel); null for the feature itself.</summary>
    public string? ActsOn { get; init; }
}
