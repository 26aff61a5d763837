// Deterministic synthetic corpus for peerhub's build and search benchmarks.
//
//   java bench/CorpusGenerator.java --articles N --out DIR [--seed 42] [--templates PATH]
//                                   [--hugo DIR2] [--hugo-layouts PATH] [--words MIN-MAX]
//
// Needs JDK 21+ (single-file source launch). Same seed and N give byte-identical output on
// every machine: the vocabulary is built in, the random generator is SplitMix64 written out
// below, and every article draws from its own stream derived from (seed, index), so any
// article's title, slug and headings can be recomputed without holding the corpus in memory.
// See bench/README.md.

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

public class CorpusGenerator {

    // ---------------------------------------------------------------- vocabulary
    // Ranked by position: function words first (the head of the Zipf curve), then content
    // words interleaved noun/verb/adjective/adverb so every rank band mixes parts of speech.

    static final String FUNCTION_WORDS = """
        the of and to a in is that for it as with be on not this by are or can from at an
        their they we you more one all which have has but when these how what will also each
        other some many may into our about often through who where so than only most both
        its your them there those such any while because before after over between during
        without within across around does do was were been being would could should might
        must here just very even well much every another same few first two three new way
        like still then again against under along toward among until since though whether
        if yet no nor up out off down once per via either neither whose whom why himself
        herself themselves ourselves itself my his her me us him she he i own too quite
        rather almost enough less least already always never ever sometimes usually perhaps
        """;

    static final String NOUNS = """
        people support group experience community space member time person life way practice
        question story help care session circle facilitator journey safety health mind
        feeling moment process place meeting guide friend family need change work body
        conversation voice approach resource information plan step idea part world day week
        year month evening morning night hour minute reason sense trust boundary agreement
        listener role kind form level point area issue problem challenge goal value belief
        option choice decision response answer result effect risk harm benefit pattern habit
        routine ritual setting context culture tradition history research study evidence
        paper article report survey data number measure method model theory principle rule
        policy standard guideline framework structure system network platform forum channel
        thread message post comment reply note letter email phone call video chat room
        table chair floor window door garden park forest river lake ocean mountain path road
        city town village neighborhood country region home house kitchen bedroom office
        school library hospital clinic center shelter organization team staff volunteer
        leader host organizer speaker teacher student counselor therapist doctor nurse
        researcher writer reader parent child partner sibling neighbor stranger peer elder
        mentor ally advocate witness participant newcomer veteran guest visitor caregiver
        emotion fear anger sadness grief joy hope relief shame guilt pride love compassion
        kindness patience courage curiosity wonder awe gratitude calm peace rest comfort
        anxiety panic stress pressure tension pain discomfort confusion doubt worry loneliness
        connection belonging acceptance understanding empathy respect dignity honesty
        integrity humility openness presence attention awareness insight clarity meaning
        purpose direction growth healing recovery resilience strength weakness limit edge
        threshold memory thought image dream vision sound music silence breath heartbeat
        sensation perception reality identity self ego spirit soul heart hand eye face
        head shoulder chest stomach skin nerve brain sleep food water meal tea walk exercise
        movement stretch posture balance energy fatigue appetite medicine medication dose
        dosage substance compound plant mushroom ceremony retreat journal worksheet exercise
        prompt checklist template list summary overview introduction conclusion chapter
        section page book handbook manual course workshop training certificate program
        project initiative campaign event gathering festival conference workshop lecture
        class lesson skill tool technique strategy tactic sign signal symptom warning
        crisis emergency hotline line number service referral appointment schedule calendar
        date deadline budget cost fee donation fund grant price ticket access barrier
        ramp entrance seat captioning transcript translation language word phrase sentence
        paragraph term definition example case instance detail fact claim argument
        perspective view opinion position stance concern complaint feedback suggestion
        request offer invitation welcome greeting introduction check opening closing
        agenda topic theme focus priority responsibility duty right freedom consent
        permission privacy confidentiality anonymity secret rumor gossip conflict tension
        disagreement dispute repair apology forgiveness accountability consequence report
        incident complaint investigation review process outcome decision vote consensus
        majority minority inclusion diversity equity justice fairness power privilege
        history origin root source foundation base ground layer surface depth distance
        direction center margin border map territory landscape season spring summer autumn
        winter weather rain sun light shadow color shape line circle square pattern
        texture fabric blanket pillow candle lamp screen device app website link button
        menu search filter tag label category collection archive record file folder
        document draft version edition update release announcement newsletter feed
        subscriber audience crowd public press media journalist editor author poet artist
        musician dancer painter photographer filmmaker designer builder gardener cook baker
        farmer worker employer employee colleague coworker manager boss client customer
        patient provider practitioner specialist expert novice beginner learner apprentice
        companion guardian protector sitter guardian witness observer helper healer
        listener mediator moderator steward keeper founder elder ancestor generation youth
        adult teenager infant elderly couple household friendship relationship marriage
        divorce loss death birth illness injury disability condition disorder diagnosis
        treatment therapy intervention prevention education awareness outreach campaign
        movement coalition alliance partnership collaboration cooperation competition
        contribution participation engagement commitment promise intention expectation
        assumption bias stigma stereotype myth misconception truth lie mistake error
        failure success progress milestone achievement reward effort struggle obstacle
        opportunity possibility potential capacity ability talent gift strength resource
        asset tool kit bag box container bottle cup bowl plate spoon knife fork glass
        bread fruit vegetable rice soup salad snack sugar salt honey coffee juice milk
        cheese butter oil vinegar spice herb flower tree leaf branch seed root stone rock
        sand soil clay mud grass moss fern bush hedge fence wall gate bridge tunnel
        station train bus car bicycle ticket journey trip travel arrival departure return
        distance mile kilometer step stair floor ceiling roof corner hallway porch yard
        field meadow valley hill cliff beach shore wave tide current stream spring well
        fire flame smoke ash heat warmth cold frost snow ice wind storm thunder lightning
        cloud sky star moon planet earth universe nature animal bird dog cat horse fish
        insect bee butterfly spider snake frog wolf bear deer fox rabbit mouse owl crow
        """;

    static final String VERBS = """
        share listen speak talk feel find help offer provide create build hold keep give
        take make see hear know think believe understand learn teach explore discover
        notice remember forget imagine wonder ask answer explain describe discuss consider
        decide choose prepare plan organize arrange schedule attend join leave stay return
        arrive begin start finish end continue pause stop wait rest sleep wake breathe
        move walk run sit stand lie lean reach touch hold carry bring send receive accept
        reject refuse allow permit invite welcome include exclude respect protect guard
        defend support encourage comfort reassure calm soothe ground center focus attend
        observe watch look read write record note document track measure count compare
        assess evaluate review check test verify confirm clarify question challenge doubt
        trust rely depend connect relate belong gather meet greet introduce open close
        lead follow guide facilitate moderate mediate host manage coordinate delegate assign
        train practice rehearse repeat improve grow develop change adapt adjust shift turn
        transform integrate process reflect journal digest absorb release let express show
        reveal hide cover protect shield avoid reduce limit prevent lower raise increase
        expand extend widen narrow deepen strengthen weaken soften harden loosen tighten
        balance stabilize settle recover heal restore repair mend fix solve resolve address
        handle cope manage survive endure tolerate suffer struggle fight resist surrender
        embrace hug smile laugh cry weep sigh shout whisper sing dance play paint draw
        cook eat drink taste smell sense perceive experience undergo navigate travel
        wander roam drift float sink rise fall climb descend cross enter exit approach
        recognize identify name label define frame reframe interpret translate summarize
        outline list mention cite quote reference link point signal warn alert remind
        report disclose confide admit confess apologize forgive thank appreciate value
        honor celebrate mark mourn grieve miss lose gain earn win fail succeed try attempt
        risk dare venture commit promise agree disagree argue debate negotiate compromise
        decide vote elect appoint nominate recommend suggest propose advise counsel coach
        mentor tutor inform educate publish post update edit revise draft print distribute
        donate fund pay charge cost save spend budget afford buy sell trade exchange
        borrow lend rent own belong need want wish hope expect anticipate predict plan
        happen occur emerge appear arise surface vanish disappear fade remain last persist
        matter count seem look sound become grow remain prove tend manage seek pursue
        follow chase catch miss reach touch grasp hold release drop pick lift push pull
        fold wrap tie bind weave knit sew plant water harvest gather collect sort organize
        clean wash tidy clear fill empty pour mix stir boil bake heat cool freeze melt
        burn light shine glow fade dim brighten darken color shape form mold carve
        """;

    static final String ADJECTIVES = """
        safe supportive personal deep difficult gentle calm kind open honest clear simple
        small large long short new old young early late recent current future past
        common rare regular occasional frequent careful thoughtful mindful aware present
        quiet loud soft hard warm cold bright dark light heavy strong weak healthy
        emotional physical mental social spiritual practical theoretical clinical medical
        legal ethical cultural historical local global online offline hybrid virtual
        public private shared individual collective mutual reciprocal voluntary formal
        informal structured flexible consistent reliable trusted trained experienced
        skilled gentle patient curious respectful compassionate empathic attentive
        grounded centered balanced stable steady secure vulnerable fragile sensitive
        intense overwhelming challenging frightening confusing surprising profound
        meaningful powerful lasting brief sudden gradual slow quick rapid fast easy
        useful helpful harmful risky dangerous protective preventive responsive proactive
        accessible inclusive welcoming diverse equal fair just free independent
        confidential anonymous discreet visible invisible hidden obvious subtle direct
        indirect specific general broad narrow wide full empty whole partial complete
        basic advanced essential important necessary optional central main primary
        secondary final initial next previous following weekly monthly daily nightly
        annual seasonal regional national international rural urban remote nearby distant
        familiar strange unfamiliar unknown known certain uncertain possible likely
        unlikely real true false accurate precise vague rough detailed thorough careful
        honest sincere genuine authentic natural organic raw ready prepared willing able
        unable eager hesitant reluctant anxious nervous afraid scared worried relaxed
        comfortable uncomfortable tired restless hungry thirsty sick well whole broken
        tender sore numb alive awake asleep alert dizzy nauseous shaky grateful hopeful
        joyful sad angry lonely isolated connected loved valued seen heard understood
        respected ignored dismissed judged accepted included excluded responsible
        accountable transparent clear visible open closed limited unlimited growing
        changing shifting evolving emerging established traditional modern ancient
        contemporary creative artistic musical poetic playful serious funny solemn sacred
        ordinary everyday extraordinary unusual unique special typical normal average
        moderate mild severe acute chronic minor major significant relevant appropriate
        suitable ideal perfect imperfect messy tidy clean fresh green blue red yellow
        golden silver white black grey brown purple orange pink colorful plain rich poor
        cheap expensive affordable free paid unpaid professional amateur peer facilitated
        guided unguided led informal nonjudgmental judgmental harsh critical positive
        negative neutral mixed complex complicated simple clear layered nuanced subtle
        bold brave courageous humble proud modest generous selfish selfless wise foolish
        naive mature responsible careless reckless cautious deliberate intentional random
        chaotic orderly peaceful restful healing nourishing soothing refreshing
        """;

    static final String ADVERBS = """
        gently slowly carefully quietly openly honestly clearly simply deeply fully really
        truly easily quickly gradually suddenly finally eventually initially recently
        currently regularly rarely frequently occasionally together alone apart forward
        backward inward outward nearby online offline mostly partly largely mainly
        especially particularly generally typically naturally safely kindly patiently
        calmly warmly softly firmly directly indirectly personally collectively mutually
        freely privately publicly anonymously consistently reliably thoughtfully mindfully
        respectfully compassionately deliberately intentionally properly correctly
        """;

    // More content words (mostly longer, less frequent ones; mixed parts of speech).
    static final String MORE_WORDS = """
        abandonment absence abundance academy acceleration accent accident accommodation
        accomplishment account accuracy acquaintance acquisition action activity actor
        adaptation addiction addition adjustment administration admission adolescence adoption
        adventure advertisement advice aftermath afternoon age agency aggression aid aim air
        alarm alcohol alignment allergy allowance alternative ambition ambulance amount
        amusement analogy analysis anatomy anniversary anticipation apartment apparatus appeal
        appearance appreciation apprehension approval aptitude arena arrangement arrest arrow
        art aspect aspiration assembly assessment assignment assistance association assurance
        atmosphere attachment attendance attitude attraction attribute authority autonomy
        availability avenue aversion backdrop background backpack balcony ballot band bank
        bargain barn basket battery battle beauty bedtime beginning behavior bell benchmark
        blessing blossom blueprint board boat bond bonus bracelet brand breakfast breakthrough
        brochure brother bucket building bulletin burden bureau business cabin cafe calculation
        camera camp campus canal candidate capital captain caption career cargo carpet cartoon
        cascade catalog cause caution celebration cell century certainty chain chairperson
        champion chance chapel character charity chart checkpoint chemistry childhood chorus
        citizen civilization classroom climate clock closet clothing cluster coast coat code
        cognition coincidence collapse collar college column combination comedy command
        commentary commerce commission committee commodity communication comparison competence
        completion complexity component composition computer concentration concept concert
        conduct confidence configuration confirmation confrontation congregation conscience
        consciousness conservation consideration consistency constellation constraint
        construction consultation consumer contact contentment contest continent continuity
        contract contrast control convenience convention conviction coordination copy
        corporation correspondence costume council countryside courtyard cousin coverage craft
        creation creature credibility credit crew criterion criticism crop cruise cuisine
        curriculum cushion custom cycle damage danger darkness dashboard daughter daylight debt
        decade declaration decoration dedication defense deficit degree delay delight delivery
        demand democracy demonstration density department dependence deposit depression
        description desert design desire desk destination destiny destruction determination
        development deviation dialogue diary dictionary diet difference difficulty dilemma
        dimension dinner diploma disaster discipline discovery discussion disease display
        disposition distinction distraction district disturbance domain donor doorway downtown
        drama drawer drawing dress drill driver drum duration dusk dust dwelling dynamic
        eagerness economy ecosystem editorial effectiveness efficiency elbow election
        electricity element elevation elevator emergence emphasis empire employment encounter
        encouragement endeavor endurance enemy engine engineer enjoyment enterprise
        entertainment enthusiasm entry environment episode equation equipment equivalent era
        escape essay essence establishment estate estimate ethics evaluation evolution
        examination excellence exception excitement exclusion excursion excuse exhaustion
        exhibit exhibition existence expansion expedition expenditure experiment expertise
        explanation exploration exposure expression extension extent exterior extract facility
        factor faculty faith fame fantasy fashion fault favor feast feather feature federation
        fellowship fiction figure finding fingerprint fireplace firmness fitness flavor fleet
        flexibility flight flood flow fluency folklore footprint forecast forehead foresight
        formula fortune fountain fraction fragment franchise frequency friction frontier
        fulfillment function funeral furniture galaxy gallery gap garment gateway gender gene
        generosity genre geography gesture glimpse glory government grace gradient graduate
        grammar gravity greenery grocery guarantee guidance habitat handful handwriting
        happiness hardship harmony headline headquarters hearing heritage heroine hesitation
        hierarchy highlight highway hint hobby holiday homework horizon hospitality humor hunger
        hurricane hygiene hypothesis icon identification ignorance illusion illustration
        imagination imbalance impact implication importance impression improvement impulse
        incentive income independence index indication industry inequality infection inflation
        influence infrastructure ingredient inheritance injustice innocence innovation inquiry
        inspection inspiration installation institution instruction instrument insurance
        intelligence intensity interaction interest interface interior interpretation
        interruption interval interview intimacy intuition invention inventory investment
        involvement island isolation item jacket jewel journalism judgment junction jurisdiction
        justification keyboard kindergarten kingdom knowledge laboratory ladder landmark laptop
        laughter launch lawyer leadership league leisure length lens liberty license lifestyle
        lifetime likelihood limitation literacy literature livelihood location locker logic
        loyalty luck luggage lunch luxury machine magazine magnitude maintenance mandate manner
        manufacturer market mask mass mastery material maturity maximum mechanism medal
        membership memorial merchant mercy merit metaphor midnight migration mileage mindset
        minimum ministry miracle mirror mission mixture mobility mode moderation modification
        momentum monitor monument mood morale morality mortgage motion motivation motive motor
        mouth multitude muscle museum mystery narrative nation navigation necessity negotiation
        nephew nest neutrality niece noise nomination norm northeast notebook notion novel
        nutrition oath objection objective obligation observation obsession occasion occupation
        offering officer operation opponent orbit orchestra order ornament orientation outlet
        output oven overlap ownership oxygen pace package palace panel parade paradox parking
        parliament passage passenger passion passport pasture patch pavement payment pedestrian
        penalty pension percentage perfection performance period persistence personality
        persuasion phase phenomenon philosophy photograph physician picnic picture pilgrimage
        pillar pilot pioneer pitch plantation playground pleasure pledge plot pocket poem poetry
        politics pollution popularity population portion portrait possession poster pottery
        poverty prayer precaution precision preference pregnancy premise preparation
        prescription presentation preservation president prestige priest princess prison
        probability procedure proceeding producer product profession professor profile profit
        promotion proof property proportion proposal prosperity protection protest protocol
        province provision psychology publication punishment purchase pursuit puzzle
        qualification quality quantity quarter queen quest questionnaire quota radio railway
        rainfall range ranking rating ratio reaction readiness realm reasoning rebellion receipt
        reception recipe recognition recommendation reconciliation recreation reduction
        reflection reform refuge regime registration regulation rehabilitation reign
        reinforcement relative relevance reliability religion reluctance remainder remark remedy
        reminder removal renewal reputation rescue reservation residence resident resignation
        resistance resolution respondent restaurant restoration restriction retirement revenue
        reverence revolution rhythm rival robot romance rotation royalty runway sacrifice salary
        sample sanctuary satellite satisfaction scale scandal scenario scene scent scholar
        scholarship science scope score scratch script sculpture secretary sector security
        segment selection semester seminar senior sentiment sequence series servant settlement
        shade shelf shipment shortage signature significance simplicity simulation sincerity
        situation sketch slogan society software soldier solidarity solitude solution
        sovereignty spectrum speculation speech speed sphere spirituality sponsor spot stability
        stadium stage stake statement statistics statue status stimulus stock storage strain
        stroke studio style subject submission subscription subsidy substitute suburb succession
        sufficiency suitcase sunrise sunset supervision supplement supply surgery surplus
        surprise surroundings survival suspicion sustainability sympathy symphony synthesis
        tablet target task taxation technology telephone television temper temperature temple
        tenant tendency tenderness terminal testimony textbook theater thesis thickness
        thunderstorm timber timeline tissue title tolerance tomorrow tone tongue tournament
        tower trace traffic tragedy trait transaction transfer transition transparency transport
        trauma treasure treaty trend trial triangle tribute triumph trophy trouble tuition
        tutorial twilight uncertainty uniform union unity university upbringing urgency usage
        utility vacation vaccine validity variable variation variety vehicle venue verdict verse
        vessel victim victory viewpoint violence virtue visibility vitality vocabulary volume
        vulnerability wage waiting wallet warehouse wealth welfare wellbeing wellness wilderness
        willingness wisdom withdrawal wonderland workplace worth wrist youngster zone abide
        accompany accomplish accumulate accuse achieve acknowledge acquire activate administer
        admire adopt advance affect affirm aggravate alleviate alter amplify analyze animate
        announce apply approve articulate ascend assemble assert assist associate assume assure
        attach attain attract authorize awaken behave bend blend bless boast bother bounce breed
        broadcast browse bundle calculate cancel capture cater cease cherish circulate classify
        collaborate combine commence communicate compete compile complain complement comply
        compose comprehend concentrate conclude condense confront consult consume contemplate
        contend contribute convey convince cooperate correspond cultivate dedicate deliver
        demonstrate deny depart derive deserve designate detect determine devote diminish
        discourage dismiss dispatch dissolve distinguish distract diversify divide dominate
        dwell elaborate elevate eliminate embark emphasize employ empower enable enact endorse
        energize enforce engage enhance enlist enrich ensure entertain envision equip escalate
        establish evoke exaggerate examine exceed excel exist expire exploit export expose
        fasten flourish fluctuate formulate foster fulfill generate glance govern harness hinder
        illuminate illustrate implement imply impose impress incorporate indicate induce inhabit
        inherit initiate innovate inquire inspect inspire install instruct intend intensify
        interact intervene invest investigate isolate justify kneel linger locate maintain
        manipulate maximize memorize merge minimize mobilize modify motivate multiply neglect
        nourish nurture obey obtain occupy operate originate overcome oversee participate
        perform persuade portray possess postpone praise precede preserve prevail prioritize
        proceed proclaim produce prohibit prolong promote pronounce prosper qualify quantify
        reassemble recall reconcile recruit redesign refine regain register regulate reinforce
        rejoice relieve relocate renew reorganize replace represent reproduce require reside
        resemble restrain retain retrieve reunite revive safeguard satisfy scatter scrutinize
        simplify simulate specify speculate stimulate streamline submit supervise surpass
        sustain symbolize synthesize tackle tailor terminate thrive transcend transmit uncover
        undertake unfold unite uphold utilize validate visualize withdraw withstand yield
        absolute abstract abundant academic acceptable adequate adjacent administrative
        adolescent adorable adventurous aesthetic affectionate aggressive agricultural ambitious
        ambiguous amusing analytical ancestral animated apparent approachable architectural arid
        artificial attractive audible automatic autonomous available awkward beneficial
        biological blissful boundless breathtaking brilliant bureaucratic candid capable
        cheerful chemical civic classical coherent collaborative commercial communal comparable
        compatible competent competitive comprehensive compulsory conceptual concrete confident
        conscious conservative considerable constant constructive contemplative continuous
        controversial conventional convincing cooperative cordial corporate cosmic courteous
        credible crucial curative customary decent decisive decorative defensive delicate
        delightful democratic dependable descriptive desirable desperate devoted diligent
        diplomatic disciplined distinct distinctive dramatic durable earnest ecological economic
        educational effective efficient elegant eloquent empirical encouraging endless energetic
        enormous enthusiastic environmental esteemed eternal evident exceptional excessive
        exclusive exhausted exotic expansive experimental explicit exquisite extensive external
        fabulous faithful fascinating favorable fearless feasible fictional fierce financial
        flawless fluent forgiving fortunate fragrant frantic frugal fundamental futuristic
        geographic gigantic glamorous gorgeous graceful gracious grand graphic hazardous
        heartfelt hectic hilarious holistic honorable hospitable humane hypothetical identical
        imaginative immediate immense immune impartial imperative impressive impulsive
        incredible indispensable industrial inevitable influential informative ingenious
        inherent innovative insightful inspiring instant institutional integral intellectual
        intelligent interactive intimate intricate intriguing intuitive invaluable irregular
        irresistible jubilant judicial juvenile knowledgeable laborious lavish legendary
        legitimate leisurely liberal lifelong literal literary logical luminous luxurious
        magnificent majestic manageable marginal maritime marvelous massive maternal meaningless
        measurable mechanical medieval melodic memorable merciful metropolitan meticulous
        migratory miniature miraculous miserable mobile momentary monumental motivated municipal
        mysterious nautical neighborly noble nocturnal nominal notable noticeable nutritious
        obscure observant official operational opposite optimistic oral ornate outdoor
        outstanding overseas painful paramount parental passionate paternal peculiar perceptive
        perpetual persistent persuasive pertinent philosophical picturesque pivotal plausible
        pleasant plentiful polite political popular portable potent pragmatic precious
        predictable preliminary premium prestigious prevalent primitive principal probable
        productive profitable progressive prominent prosperous provincial prudent psychological
        punctual pure quaint qualitative quantitative radiant radical rational realistic
        reasonable receptive reflective regretful relentless remarkable renewable representative
        resilient resourceful restorative restricted retail rhythmic rigorous robust romantic
        rustic scenic scholarly scientific seamless secular sedentary selective sentimental
        serene settled shallow sharp sheltered shimmering skeptical sleepy slender sociable
        sophisticated sparkling spacious spectacular spontaneous sporadic statistical steadfast
        sterile strategic strenuous striking studious stunning sturdy stylish substantial
        successful sufficient superb superficial supreme surreal susceptible sustainable
        symbolic sympathetic synthetic systematic tactile talented tangible tedious temporary
        tentative terrific textual theatrical therapeutic thriving timeless tolerant tranquil
        transitional tremendous tropical turbulent ultimate unanimous uncommon unconditional
        underground unexpected universal unprecedented upbeat urgent utmost valid valuable vast
        verbal versatile vibrant vigilant vintage virtuous visual vital vivid vocal warmhearted
        wholesome widespread wistful witty wondrous worldly worthwhile youthful zealous
        """;

    // Distinctive words: only ever used in titles (and therefore slugs), never in bodies,
    // summaries or link texts, so a query for two of them is a known-item query.
    static final String RARE_WORDS = """
        aardvark abacus abalone abbey abseil acanthus accordion acorn acrobat adder adze
        aerie agate albatross alchemy alcove alembic alfalfa allspice almanac almond alpaca
        amaranth amber ambergris amethyst ammonite anchovy anemone angelica anise antelope
        antler anvil apiary apricot aquarium aqueduct arbor arcade archipelago armadillo
        armoire arpeggio arroyo artichoke asparagus asphodel astrolabe atoll attic auk
        aurochs avocado axolotl azalea azimuth badger bagpipe balalaika baleen balsam
        bamboo banjo banyan barberry barge barley barnacle barometer barracuda basalt
        basilisk bassoon bayou beacon beaver beetroot belfry bellows beluga bergamot beryl
        bilberry binnacle birch bison bittern blackberry blacksmith blimp blueberry boathouse
        bobbin bobcat bonfire bonsai boomerang borage boulder bramble brazier brigantine
        brioche brisket brocade bronze buckwheat bugle bulrush bumblebee bunting burdock
        burrow buttercup buzzard cabbage cactus caiman calabash caldera calico calliope
        camellia camphor canary candelabra canoe cantaloupe canteen canyon capybara caramel
        caravan caraway cardamom caribou carillon carnation carousel cashew cassava
        castanet catamaran cathedral cauldron cedar celery cello chameleon chamomile
        chandelier chestnut chickpea chiffon chimney chinchilla chipmunk chisel chrysalis
        cider cinnamon citadel citron clarinet clementine clover cobalt cobblestone cockatoo
        coconut cocoon condor conifer copper coral cormorant cornflower corridor
        cottage cougar coyote cranberry crayfish crescent cricket crocus croissant crossbow
        crumpet crystal cucumber cumin cupola curlew cutlass cypress daffodil dahlia dandelion
        dormouse dovetail dragonfly driftwood dromedary dulcimer dumpling dune eclair eel
        eggplant egret eiderdown elderberry elk emerald emu ermine escarpment estuary
        eucalyptus falcon fennel ferret fiddle fig finch firefly fjord flamingo flannel
        flint flotilla flounder flute foxglove frigate fuchsia gadwall galleon gannet gardenia
        gargoyle garnet gazebo gazelle gecko geranium geyser gherkin ginger ginkgo giraffe
        glacier gondola gooseberry gorge gourd granary granite grapefruit grasshopper gravel
        greenhouse griffin grotto grouse guava guitar gull haddock halibut hammock hamster
        harbor harmonica harp harpsichord hawthorn hazel hazelnut heather hedgehog heron
        herring hibiscus hickory hippo hollyhock honeycomb hornbill hornet huckleberry
        hummingbird hyacinth hyena ibex ibis iceberg iguana indigo iris ivory jackal jackdaw
        jade jaguar jasmine javelin jellyfish juniper kangaroo kayak kelp kestrel kettle
        kingfisher kiwi koala kohlrabi kumquat labyrinth lagoon lantern larch lark lattice
        lavender leek lemur lentil leopard lichen lighthouse lilac lily limestone linden
        linen llama lobster locket locust loom lotus lute lynx macaw mackerel magnolia magpie
        mahogany mallard mandolin mango mangrove mantis maple marble marigold marimba marjoram
        marmalade marmot marsh marten marzipan meerkat melon meringue mesa mica millet mimosa
        mink minnow mistletoe moat mole monsoon moose mosaic mulberry mussel mustard myrtle
        narwhal nasturtium nectarine nettle newt nightingale nougat nutmeg oak oarlock oasis
        obelisk oboe ocelot octopus okapi oleander olive onyx opal orca orchard orchid oregano
        oriole osprey ostrich otter oyster paddock pagoda palomino pangolin panther papaya
        paprika papyrus parakeet parasol parsley parsnip partridge pastry peacock peat
        pebble pelican pennant peony pepper periwinkle persimmon petrel pheasant piano
        piccolo pickle pigeon pinecone pineapple pistachio plankton platypus plover plum
        poppy porcupine porpoise prairie pretzel primrose puffin pumpkin quail quarry
        quartz quince quill quilt raccoon radish raft raisin rampart raspberry raven reed
        reindeer rhubarb ridge riverbank robin rosemary rowan rudder saffron sage salamander
        salmon sandpiper sapphire sardine sassafras satchel scallop schooner scone scorpion
        seahorse seal sequoia sextant shallot shamrock sherbet shipwreck shrew shrimp sienna
        silo skylark skylight slate sloth snapdragon snowdrop sorrel sparrow spinach spruce
        squid squirrel starfish starling stork strawberry sturgeon sundial sunflower swallow
        swan sycamore tambourine tamarind tangerine tapestry tapir tarragon teakettle teal
        telescope tern terrace thimble thistle thrush thyme tiger toboggan toffee tortoise
        toucan tourmaline trellis trombone trout truffle trumpet tuba tulip tumbleweed tundra
        turmeric turnip turquoise turret tusk ukulele umber urchin vanilla velvet vineyard
        viola violet viper vole vulture wagon walnut walrus warbler wasp watercress weasel
        weathervane whale wheelbarrow whippet whistle wigeon willow windmill wisteria
        wolverine wombat woodpecker wren xylophone yak yarrow yew zebra zeppelin zinnia zither
        anchorage ballast bannister beehive birdhouse bluebell boxwood breadfruit buttermilk
        candlewick canopy cartwheel chalkboard clockwork cloudberry cornmeal crabapple
        dewdrop dovecote eiderduck fieldstone figurehead firewood flagstone flintlock
        foghorn gingerbread goldfinch gumdrop hailstone hayloft hearthstone hilltop hoarfrost
        honeysuckle horseshoe hourglass inkwell ironwood keystone kingfish lamplight
        larkspur lodestone lumberjack marshmallow meadowlark millpond millstone moonstone
        mudflat nutcracker oatmeal outrigger paintbrush peppermint pinwheel quicksilver
        rainbarrel rockpool rosehip saltmarsh sandbar sandstone scarecrow seashell
        shortbread silverfish snowshoe soapstone spearmint spindle stagecoach
        sugarcane sunbonnet sweetbriar thornbush tidepool timberline toadstool treehouse
        tugboat waterwheel whirligig wildflower windchime woodsmoke
        """;

    static final String[] TAGS = {
        "Peer Support", "Harm Reduction", "Mental Health", "Integration Circles", "Trip Sitting",
        "Crisis Support", "Group Agreements", "Facilitator Training", "Online Meetups",
        "Trauma Informed Care", "Set and Setting", "Microdosing Research", "Safety Planning",
        "Community Building", "Self Care", "Grief and Loss", "Breathwork Practice",
        "Nature Connection", "Harm Reporting", "Accessibility Needs", "Family and Friends",
        "Research Papers", "Trip Reports", "Integration Worksheets", "Sober Support",
        "Sleep and Rest", "Mindful Movement", "Legal Questions", "Cultural Context",
        "Spiritual Emergence",
    };

    static final Set<String> SMALL_TITLE_WORDS = Set.of(
        "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "of", "on", "or",
        "the", "to", "with", "via", "nor", "per");

    // ---------------------------------------------------------------- random numbers

    /** SplitMix64: tiny, fully specified here, so output never depends on the JDK. */
    static final class Rng {
        private long state;
        Rng(long seed) { state = seed; }
        long next() {
            long z = (state += 0x9E3779B97F4A7C15L);
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            return z ^ (z >>> 31);
        }
        int nextInt(int bound) { return (int) ((next() >>> 1) % bound); }
        int between(int lo, int hi) { return lo + nextInt(hi - lo + 1); }
        double nextDouble() { return (next() >>> 11) * 0x1.0p-53; }
        boolean chance(double p) { return nextDouble() < p; }
        <T> T pick(T[] items) { return items[nextInt(items.length)]; }
    }

    static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
    }

    static final long STREAM_PLAN = 1, STREAM_BODY = 2, STREAM_DRAFT = 3;

    static Rng rng(long seed, long index, long stream) {
        return new Rng(mix(mix(seed * 0x632BE59BD9B4E019L + stream) ^ (index * 0x9E3779B97F4A7C15L)));
    }

    /** Zipf-Mandelbrot: samples ranks 0..n-1 with weight 1/(rank+1+q)^s. */
    static final class Zipf {
        final String[] words;
        final double[] cumulative;
        Zipf(List<String> ranked, double s, double q) {
            words = ranked.toArray(String[]::new);
            cumulative = new double[words.length];
            double sum = 0;
            for (int r = 0; r < words.length; r++) {
                sum += 1.0 / Math.pow(r + 1 + q, s);
                cumulative[r] = sum;
            }
            for (int r = 0; r < words.length; r++) cumulative[r] /= sum;
        }
        String next(Rng rng) {
            double u = rng.nextDouble();
            int i = Arrays.binarySearch(cumulative, u);
            if (i < 0) i = -i - 1;
            return words[Math.min(i, words.length - 1)];
        }
    }

    // ---------------------------------------------------------------- corpus model

    static List<String> words(String block) {
        List<String> out = new ArrayList<>();
        for (String w : block.trim().split("\\s+")) if (!w.isEmpty()) out.add(w);
        return out;
    }

    final long seed;
    final int articles;
    int minWords = 900, maxWords = 1180; // prose words per article body
    final String[] rare;        // every distinctive word: pairWords then extraWords
    final String[] pairWords;   // an odd number of them
    final String[] extraWords;
    static final int EXTRA_WORDS = 90;
    static final long PAIR_STEP = 1_000_003L; // a prime above pairCount(), hence coprime to it

    long pairCount() { return (long) pairWords.length * (pairWords.length - 1) / 2; }
    final Zipf body;      // every prose word
    final Zipf content;   // headings, list lead-ins, title filler: content words only
    final List<String> contentRanked;

    CorpusGenerator(long seed, int articles) {
        this.seed = seed;
        this.articles = articles;
        LinkedHashSet<String> rareSet = new LinkedHashSet<>(words(RARE_WORDS));
        LinkedHashSet<String> function = new LinkedHashSet<>(words(FUNCTION_WORDS));
        List<List<String>> groups = List.of(words(NOUNS), words(VERBS), words(ADJECTIVES), words(ADVERBS), words(MORE_WORDS));
        // Interleave the groups (3 nouns, 2 verbs, 2 adjectives, 1 adverb, 3 more per round) so every
        // frequency band mixes parts of speech; drop duplicates and anything reserved as rare.
        int[] take = {3, 2, 2, 1, 3};
        int[] pos = new int[groups.size()];
        LinkedHashSet<String> contentSet = new LinkedHashSet<>();
        boolean more = true;
        while (more) {
            more = false;
            for (int g = 0; g < groups.size(); g++) {
                for (int k = 0; k < take[g] && pos[g] < groups.get(g).size(); k++) {
                    String w = groups.get(g).get(pos[g]++);
                    if (!rareSet.contains(w) && !function.contains(w)) contentSet.add(w);
                }
                if (pos[g] < groups.get(g).size()) more = true;
            }
        }
        rareSet.removeAll(function);
        rare = rareSet.toArray(String[]::new);
        int p = rare.length - EXTRA_WORDS;
        if (p % 2 == 0) p--;
        pairWords = Arrays.copyOfRange(rare, 0, p);
        extraWords = Arrays.copyOfRange(rare, p, rare.length);
        if (pairCount() >= PAIR_STEP) throw new IllegalStateException("PAIR_STEP must exceed the number of pairs");
        contentRanked = new ArrayList<>(contentSet);
        List<String> all = new ArrayList<>(function);
        all.addAll(contentRanked);
        // q = 2.7 flattens the head as in real English ("the" near 5% rather than 12%).
        body = new Zipf(all, 1.0, 2.7);
        content = new Zipf(contentRanked, 0.7, 10);
    }

    int vocabularySize() { return body.words.length + rare.length; }

    record Section(String heading, List<String> subheadings) {}

    record Plan(int index, String name, String title, String date, List<String> tags,
                boolean draft, List<Section> sections, List<String> rareWords) {
        List<String> allHeadings() {
            List<String> out = new ArrayList<>();
            for (Section s : sections) { out.add(s.heading); out.addAll(s.subheadings); }
            return out;
        }
    }

    /** Exactly one article in each full block of 20 is a draft (5%), at a seeded offset. */
    boolean isDraft(int index) {
        int block = index / 20;
        int offset = rng(seed, block, STREAM_DRAFT).nextInt(20);
        return index % 20 == offset;
    }

    static final LocalDate FIRST_DAY = LocalDate.of(2019, 1, 1);
    static final LocalDate LAST_DAY = LocalDate.of(2026, 6, 30); // nothing in the future

    Plan plan(int index) {
        Rng r = rng(seed, index, STREAM_PLAN);
        // Title: 4 to 9 words, 2 or 3 of them rare. The first two ("the pair") come from a
        // bijection of the index onto unordered pairs {p, (p + d) mod P} of distinct pair
        // words (P odd, 1 <= d <= (P-1)/2: each unordered pair exactly once), so every
        // article has its own pair. The third word, when there is one, comes from a separate
        // set of extra words, so no other title holds both words of an article's pair.
        int length = r.between(4, 9);
        int rareCount = (length >= 5 && r.chance(0.4)) ? 3 : 2;
        int P = pairWords.length;
        long x = Math.floorMod((long) index * PAIR_STEP + seed, pairCount());
        int a = (int) (x % P);
        int b = (int) ((a + 1 + x / P) % P);
        List<String> rareWords = new ArrayList<>(List.of(pairWords[a], pairWords[b]));
        if (rareCount == 3) rareWords.add(extraWords[r.nextInt(extraWords.length)]);
        List<String> title = new ArrayList<>();
        Set<String> used = new HashSet<>(rareWords);
        int common = length - rareCount;
        for (int k = 0; k < common; k++) {
            String w;
            int guard = 0;
            do { w = content.next(r); } while (!used.add(w) && ++guard < 50);
            title.add(w);
        }
        // Connectives make titles read like titles: "X and Y", "of", "for".
        if (length >= 6 && r.chance(0.6)) title.add(1 + r.nextInt(title.size()), r.pick(new String[] {"and", "of", "for", "in", "with"}));
        for (String w : rareWords) title.add(r.nextInt(title.size() + 1), w);
        while (title.size() > 9) {
            // Keep rare words; drop a common word from the end side.
            for (int k = title.size() - 1; k >= 0; k--) if (!rareWords.contains(title.get(k))) { title.remove(k); break; }
        }
        StringBuilder t = new StringBuilder();
        for (int k = 0; k < title.size(); k++) {
            String w = title.get(k);
            if (k > 0) t.append(' ');
            t.append(k > 0 && k < title.size() - 1 && SMALL_TITLE_WORDS.contains(w) ? w : capitalize(w));
        }
        if (title.size() >= 6 && r.chance(0.15)) {
            // "Something: Something Else" now and then.
            int sp = nthSpace(t, 2 + r.nextInt(title.size() - 4));
            if (sp > 0) t.insert(sp, ':');
        }
        String titleText = t.toString();

        long days = LAST_DAY.toEpochDay() - FIRST_DAY.toEpochDay();
        String date = LocalDate.ofEpochDay(FIRST_DAY.toEpochDay() + (r.next() >>> 1) % (days + 1)).toString();

        int tagCount = r.between(1, 3);
        List<String> tags = new ArrayList<>();
        while (tags.size() < tagCount) {
            // Skewed: low tag indexes are more common, so tag pages differ in size.
            double u = r.nextDouble();
            String tag = TAGS[(int) (u * u * TAGS.length)];
            if (!tags.contains(tag)) tags.add(tag);
        }

        int sectionCount = r.between(4, 7);
        Set<String> ids = new HashSet<>();
        List<Section> sections = new ArrayList<>();
        for (int s = 0; s < sectionCount; s++) {
            String h = heading(r, ids);
            List<String> subs = new ArrayList<>();
            int subCount = r.chance(0.45) ? r.between(1, 2) : 0;
            for (int k = 0; k < subCount; k++) subs.add(heading(r, ids));
            sections.add(new Section(h, subs));
        }
        String name = String.format(Locale.ROOT, "%06d-%s", index + 1, slug(titleText));
        return new Plan(index, name, titleText, date, tags, isDraft(index), sections, rareWords);
    }

    static int nthSpace(CharSequence s, int n) {
        int seen = 0;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) == ' ' && ++seen == n) return i;
        return -1;
    }

    String heading(Rng r, Set<String> ids) {
        while (true) {
            int n = r.between(2, 5);
            StringBuilder h = new StringBuilder();
            Set<String> used = new HashSet<>();
            for (int k = 0; k < n; k++) {
                String w;
                do { w = content.next(r); } while (!used.add(w));
                if (k > 0) h.append(' ');
                h.append(k == 0 ? capitalize(w) : w);
            }
            if (n >= 4 && r.chance(0.2)) {
                int sp = nthSpace(h, 2);
                h.insert(sp, ':');
                h.setCharAt(sp + 2, Character.toUpperCase(h.charAt(sp + 2)));
            }
            String text = h.toString();
            if (ids.add(headingId(text))) return text;
        }
    }

    /** Heading ids: lower-cased, punctuation removed, spaces to hyphens. */
    static String headingId(String heading) {
        StringBuilder out = new StringBuilder();
        for (char ch : heading.toLowerCase(Locale.ROOT).toCharArray()) {
            if (Character.isLetterOrDigit(ch) || ch == '-') out.append(ch);
            else if (ch == ' ') out.append('-');
        }
        return out.toString();
    }

    static String slug(String title) {
        String s = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (s.length() > 60) {
            int cut = s.lastIndexOf('-', 60);
            s = s.substring(0, cut > 0 ? cut : 60);
        }
        return s;
    }

    static String capitalize(String w) {
        return w.isEmpty() ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    // ---------------------------------------------------------------- body text

    /** Body writer with a running word count. */
    final class Body {
        final Rng r;
        final StringBuilder out = new StringBuilder(12_000);
        int words;
        Body(Rng r) { this.r = r; }

        String sentence(int min, int max) {
            int n = r.between(min, max);
            StringBuilder s = new StringBuilder();
            String prev = "";
            for (int k = 0; k < n; k++) {
                String w;
                do { w = body.next(r); } while (w.equals(prev));
                prev = w;
                if (k > 0) s.append(k > 2 && k < n - 2 && r.chance(0.06) ? ", " : " ");
                s.append(k == 0 ? capitalize(w) : w);
            }
            words += n;
            return s.append('.').toString();
        }

        void paragraph(int minSentences, int maxSentences, String extra) {
            int n = r.between(minSentences, maxSentences);
            int at = extra == null ? -1 : r.nextInt(n + 1);
            for (int k = 0; k <= n; k++) {
                if (k == at) { if (k > 0) out.append(' '); out.append(extra); }
                if (k < n) { if (k > 0 || at == 0) out.append(' '); out.append(sentence(8, 22)); }
            }
            out.append("\n\n");
        }

        String leadIn() {
            int n = r.between(1, 3);
            StringBuilder s = new StringBuilder();
            for (int k = 0; k < n; k++) {
                if (k > 0) s.append(' ');
                String w = content.next(r);
                s.append(k == 0 ? capitalize(w) : w);
            }
            words += n;
            return s.toString();
        }

        void list(int maxItems) {
            boolean numbered = r.chance(0.4);
            boolean bold = r.chance(0.75);
            int n = r.between(Math.min(2, maxItems), maxItems);
            for (int k = 0; k < n; k++) {
                out.append(numbered ? (k + 1) + ". " : "- ");
                if (bold) out.append("**").append(leadIn()).append("**: ");
                out.append(sentence(6, 18));
                if (r.chance(0.3)) out.append(' ').append(sentence(6, 14));
                out.append('\n');
                if (numbered && bold) out.append('\n'); // loose numbered list, like the seed
            }
            if (!(numbered && bold)) out.append('\n');
        }

        void table() {
            int cols = r.between(2, 4), rows = r.between(3, 5);
            StringBuilder sep = new StringBuilder("|");
            out.append('|');
            for (int c = 0; c < cols; c++) { out.append(' ').append(leadIn()).append(" |"); sep.append("---|"); }
            out.append('\n').append(sep).append('\n');
            for (int row = 0; row < rows; row++) {
                out.append('|');
                for (int c = 0; c < cols; c++) {
                    int n = r.between(1, 4);
                    out.append(' ');
                    for (int k = 0; k < n; k++) { if (k > 0) out.append(' '); out.append(body.next(r)); }
                    words += n;
                    out.append(" |");
                }
                out.append('\n');
            }
            out.append('\n');
        }

        void blockquote() {
            out.append("> ").append(sentence(10, 20)).append(' ').append(sentence(8, 16)).append("\n\n");
        }
    }

    record Link(String markdownTarget, String hugoTarget) {}

    record Article(Plan plan, String summary, String body, List<Link> links) {}

    Article article(int index) {
        Plan p = plan(index);
        Rng r = rng(seed, index, STREAM_BODY);
        Body b = new Body(r);
        String summary = b.sentence(14, 28);
        b.words = 0;
        int target = r.between(minWords, maxWords);

        // Cross-links: 1 to 3, to other published articles, some to a heading of the target.
        List<Link> links = new ArrayList<>();
        String[] linkSentences = new String[p.sections.size()];
        int linkCount = articles > 1 ? r.between(1, 3) : 0;
        for (int k = 0; k < linkCount; k++) {
            int j = r.nextInt(articles);
            int guard = 0;
            while ((j == index || isDraft(j)) && ++guard < 100) j = r.nextInt(articles);
            if (j == index || isDraft(j)) break;
            Plan t = plan(j);
            String anchor = "";
            String text;
            if (r.chance(0.6)) {
                List<String> hs = t.allHeadings();
                String h = hs.get(r.nextInt(hs.size()));
                anchor = "#" + headingId(h);
                text = h.replace(":", "").toLowerCase(Locale.ROOT);
            } else {
                text = r.pick(new String[] {"a related guide", "this companion piece", "an earlier article",
                        "our longer write-up", "a similar story"});
            }
            String md = t.name + ".md" + anchor;
            String hugo = "/articles/" + t.name + "/" + anchor;
            links.add(new Link(md, hugo));
            String sentence = r.pick(new String[] {"See also [%s](%s).", "For more, read [%s](%s).",
                    "We wrote about [%s](%s) before.", "Compare [%s](%s)."}).formatted(text, md);
            b.words += sentence.split(" ").length;
            int s = r.nextInt(p.sections.size());
            linkSentences[s] = linkSentences[s] == null ? sentence : linkSentences[s] + " " + sentence;
        }

        int tableAt = r.chance(0.2) ? r.nextInt(p.sections.size()) : -1;
        int quoteAt = r.chance(0.3) ? r.nextInt(p.sections.size()) : -1;

        b.paragraph(3, 5, null); // intro
        for (int s = 0; s < p.sections.size(); s++) {
            Section sec = p.sections.get(s);
            int budget = Math.max(40, (target - b.words) / (p.sections.size() - s));
            int start = b.words;
            b.out.append("## ").append(sec.heading).append("\n\n");
            b.paragraph(clamp(budget / 50, 1, 4), clamp(budget / 30, 2, 5), linkSentences[s]);
            if (s == quoteAt) b.blockquote();
            if (budget - (b.words - start) > 60 && r.chance(0.6)) b.list(clamp((budget - (b.words - start)) / 40, 2, 5));
            if (s == tableAt) b.table();
            for (int k = 0; k < sec.subheadings.size(); k++) {
                int share = (budget - (b.words - start)) / (sec.subheadings.size() - k);
                b.out.append("### ").append(sec.subheadings.get(k)).append("\n\n");
                b.paragraph(clamp(share / 50, 1, 3), clamp(share / 30, 1, 4), null);
                if (share > 90 && r.chance(0.55)) b.list(clamp(share / 50, 2, 5));
            }
            int guard = 0;
            while (budget - (b.words - start) > 30 && ++guard < 6) {
                int remaining = budget - (b.words - start);
                b.paragraph(clamp(remaining / 45, 1, 3), clamp(remaining / 15, 1, 6), null);
            }
        }
        String text = b.out.toString();
        return new Article(p, summary, text.substring(0, text.length() - 1), links); // one trailing newline
    }

    static int clamp(int v, int lo, int hi) { return Math.max(lo, Math.min(hi, v)); }

    static String yamlQuote(String s) { return "'" + s.replace("'", "''") + "'"; }

    static String frontMatter(Plan p, String summary) {
        StringBuilder fm = new StringBuilder("---\n");
        fm.append("title: ").append(yamlQuote(p.title)).append('\n');
        fm.append("date: ").append(yamlQuote(p.date)).append('\n');
        fm.append("tags: [");
        for (int k = 0; k < p.tags.size(); k++) fm.append(k > 0 ? ", " : "").append(yamlQuote(p.tags.get(k)));
        fm.append("]\n");
        fm.append("draft: ").append(p.draft).append('\n');
        fm.append("summary: ").append(yamlQuote(summary)).append('\n');
        return fm.append("---\n\n").toString();
    }

    // ---------------------------------------------------------------- output

    static Writer writer(Path p) throws IOException {
        return new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(p), StandardCharsets.UTF_8), 1 << 16);
    }

    static void write(Path p, String text) throws IOException {
        try (Writer w = writer(p)) { w.write(text); }
    }

    static void clearDir(Path dir) throws IOException {
        if (Files.isSymbolicLink(dir)) { Files.delete(dir); return; }
        if (!Files.exists(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path x : walk.sorted((u, v) -> v.getNameCount() - u.getNameCount()).toList()) Files.delete(x);
        }
    }

    static final String SITE_YML = """
        title: "Benchmark hub"
        base_url: "https://hub.example.org/"
        language: en
        paginate: 20
        """;

    static final String HUGO_TOML = """
        baseURL = "https://hub.example.org/"
        languageCode = "en"
        title = "Benchmark hub"
        paginate = 20
        enableRobotsTXT = false
        disableHugoGeneratorInject = true

        [taxonomies]
          tag = "tags"

        [markup.tableOfContents]
          startLevel = 2
          endLevel = 3
        """;

    void generate(Path out, Path templates, Path hugoOut, Path hugoLayouts) throws IOException {
        Path articlesDir = out.resolve("content/articles");
        clearDir(out.resolve("content"));
        Files.createDirectories(articlesDir);
        write(out.resolve("site.yml"), SITE_YML);
        Path link = out.resolve("templates");
        if (Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) clearDirOrLink(link);
        Files.createSymbolicLink(link, templates);
        if (!Files.isDirectory(templates)) System.err.println("corpus: note: " + templates + " does not exist (yet); the templates link dangles");

        Path hugoArticles = null;
        if (hugoOut != null) {
            hugoArticles = hugoOut.resolve("content/articles");
            clearDir(hugoOut.resolve("content"));
            clearDir(hugoOut.resolve("layouts"));
            Files.createDirectories(hugoArticles);
            write(hugoOut.resolve("hugo.toml"), HUGO_TOML);
            copyTree(hugoLayouts, hugoOut.resolve("layouts"));
        }

        long bytes = 0, totalWords = 0;
        int drafts = 0;
        try (Writer titles = writer(out.resolve("titles.tsv")); Writer known = writer(out.resolve("known-items.tsv"))) {
            for (int i = 0; i < articles; i++) {
                Article a = article(i);
                String fm = frontMatter(a.plan, a.summary);
                String text = fm + a.body;
                String file = a.plan.name + ".md";
                write(articlesDir.resolve(file), text);
                bytes += text.length(); // ASCII only
                totalWords += a.body.split("\\s+").length;
                if (hugoArticles != null) {
                    String hb = a.body;
                    for (Link l : a.links) hb = hb.replace("](" + l.markdownTarget + ")", "](" + l.hugoTarget + ")");
                    write(hugoArticles.resolve(file), fm + hb);
                }
                if (a.plan.draft) drafts++;
                else {
                    String url = "/articles/" + a.plan.name + "/";
                    titles.write("content/articles/" + file + "\t" + url + "\t" + a.plan.title + "\n");
                    // url, the article's own pair of rare title words, then its third one if any
                    List<String> rw = a.plan.rareWords;
                    known.write(url + "\t" + rw.get(0) + " " + rw.get(1) + "\t" + (rw.size() > 2 ? rw.get(2) : "") + "\n");
                }
            }
        }
        System.err.printf(Locale.ROOT, "corpus: %d articles (%d drafts), %.1f MB of Markdown, %d body words on average, vocabulary %d words + %d rare title words%n",
                articles, drafts, bytes / 1e6, articles == 0 ? 0 : totalWords / articles, body.words.length, rare.length);
    }

    static void clearDirOrLink(Path p) throws IOException {
        if (Files.isSymbolicLink(p) || !Files.isDirectory(p)) Files.delete(p); else clearDir(p);
    }

    static void copyTree(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) throw new IOException("Hugo layouts not found at " + from + " (use --hugo-layouts)");
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path src : walk.sorted().toList()) {
                Path dst = to.resolve(from.relativize(src).toString());
                if (Files.isDirectory(src)) Files.createDirectories(dst);
                else Files.copy(src, dst, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    static void usage(String problem) {
        if (problem != null) System.err.println("corpus: " + problem);
        System.err.println("usage: java bench/CorpusGenerator.java --articles N --out DIR [--seed 42] [--templates PATH] [--hugo DIR2] [--hugo-layouts PATH] [--words 900-1180]");
        System.exit(2);
    }

    public static void main(String[] args) throws IOException {
        Integer n = null;
        long seed = 42;
        Path out = null, templates = null, hugo = null, hugoLayouts = null;
        String words = null;
        for (int k = 0; k < args.length; k++) {
            String a = args[k];
            if (a.equals("-h") || a.equals("--help")) usage(null);
            if (k + 1 >= args.length) usage("missing value after " + a);
            String v = args[++k];
            switch (a) {
                case "--articles" -> n = Integer.parseInt(v);
                case "--out" -> out = Path.of(v);
                case "--seed" -> seed = Long.parseLong(v);
                case "--templates" -> templates = Path.of(v);
                case "--hugo" -> hugo = Path.of(v);
                case "--hugo-layouts" -> hugoLayouts = Path.of(v);
                case "--words" -> words = v;
                default -> usage("unknown option " + a);
            }
        }
        if (n == null || out == null) usage("--articles and --out are required");
        if (n < 0 || n > 999_999) usage("--articles must be between 0 and 999999");
        // The script's own folder (bench/) locates the repository defaults.
        String source = System.getProperty("jdk.launcher.sourcefile");
        Path benchDir = source != null ? Path.of(source).toAbsolutePath().getParent() : Path.of("bench").toAbsolutePath();
        if (templates == null) templates = benchDir.getParent().resolve("templates");
        if (hugoLayouts == null) hugoLayouts = benchDir.resolve("hugo/layouts");
        CorpusGenerator g = new CorpusGenerator(seed, n);
        if (words != null) {
            String[] mm = words.split("-");
            if (mm.length != 2) usage("--words takes MIN-MAX, for example 900-1180");
            g.minWords = Integer.parseInt(mm[0]);
            g.maxWords = Integer.parseInt(mm[1]);
            if (g.minWords < 100 || g.maxWords < g.minWords) usage("--words: need 100 <= MIN <= MAX");
        }
        if (n > g.pairCount()) usage("at most " + g.pairCount() + " articles have distinct rare-word pairs");
        Files.createDirectories(out);
        g.generate(out, templates.toAbsolutePath().normalize(), hugo, hugoLayouts.toAbsolutePath().normalize());
    }
}
