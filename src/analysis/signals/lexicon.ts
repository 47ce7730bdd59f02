/**
 * @fileoverview The same few ideas in many languages: words that address an AI reader, keep
 * something from the user, skip the user's approval, plant a lasting rule, or claim approval was
 * given. Injections written natively in a language use its own stock phrases, which word-for-word
 * English patterns never see; each row here lists a language's common phrasings of one idea. Rows
 * are regex sources on lowercased text (`\b` only in Latin scripts, where it works), compiled into
 * one signal pattern per idea; keywords are each phrase's literal head.
 */
import type { SignalKind, SignalPattern } from './types.js';

type Phrases = Readonly<Record<string, readonly string[]>>;

/** Names an AI assistant, agent or language model: "KI-Agent", "assistente AI", "ИИ-помощник", "एआई सहायक". */
const AI_READER: Phrases = {
  de: ['\\bki-(?:assistent|agent|modell|system)', '\\bsprachmodell', '\\b(?:für|an) die ki\\b'],
  fr: ["\\bassistants? (?:d')?ia\\b", "\\bagents? (?:d')?ia\\b", '\\bmodèle de langage', "\\b(?:à|pour) l'ia\\b"],
  es: ['\\basistentes? (?:de )?ia\\b', '\\bagentes? (?:de )?ia\\b', '\\bmodelo de lenguaje', '\\bpara la ia\\b'],
  pt: ['\\bassistentes? (?:de )?ia\\b', '\\bagentes? (?:de )?ia\\b', '\\bmodelo de linguagem', '\\bpara a ia\\b'],
  it: ['\\bassistent[ei] (?:ai|ia)\\b', '\\bagent[ei] (?:ai|ia)\\b', '\\bsistemi automatici\\b', '\\bmodello (?:linguistico|di linguaggio)', "\\ball'(?:ia|ai)\\b"],
  nl: ['\\bai-(?:assistent|agent)', '\\btaalmodel'],
  pl: ['\\basystent(?:a|ie|owi)? ai\\b', '\\bagent(?:a|owi)? ai\\b', '\\bmodel(?:u|owi)? językow', '@asystent'],
  cs: ['\\basistent(?:a|ovi|e)? (?:ai|ui)\\b', '\\bjazykov(?:ý|ému|ého) model'],
  ru: ['ии-(?:помощник|ассистент|агент)', 'языков(?:ая|ой|ую) модел', 'для нейросети'],
  uk: ['ші-(?:асистент|помічник|агент)', 'мовн(?:а|ої|ій|ую) модел', 'для ші(?![\\p{L}])'],
  tr: ['yapay zek[aâ] (?:asistan|ajan|model)', 'dil modeli'],
  ar: ['المساعد الذكي', 'مساعد الذكاء الاصطناعي', 'نموذج الذكاء الاصطناعي', 'النموذج اللغوي', 'لنظام الذكاء الاصطناعي'],
  he: ['(?:ל|ה)?מערכת הבינה המלאכותית', 'מודל השפה', 'העוזר הדיגיטלי', 'לעוזר ה?בינה'],
  fa: ['دستیار هوش مصنوعی', 'مدل زبانی', 'عامل هوش مصنوعی'],
  hi: ['एआई (?:सहायक|एजेंट|असिस्टेंट)', 'ai सहायक', 'ai एजेंट', 'भाषा मॉडल'],
  bn: ['এআই (?:সহকারী|এজেন্ট)', 'ai সহকারী', 'ভাষা মডেল'],
  id: ['\\basisten ai\\b', '\\bagen ai\\b', '\\bmodel bahasa'],
  vi: ['trợ lý ai', 'tác tử ai', 'mô hình ngôn ngữ'],
  th: ['ผู้ช่วย ?(?:ai|เอไอ)', 'โมเดลภาษา'],
  ja: ['aiアシスタント', 'ai アシスタント', 'aiエージェント', 'ai エージェント', '言語モデル', 'aiへの(?:指示|注意)'],
  ko: ['ai 어시스턴트', 'ai어시스턴트', 'ai 에이전트', 'ai에이전트', 'ai 비서', '(?:어시스턴트|에이전트|ai)에게', '언어 모델', '언어모델'],
  zh: ['ai助手', 'ai 助手', 'ai代理', 'ai 代理', '人工智能助手', '智能助手', '(?:语言|語言)模型'],
  sv: ['\\bai-(?:agent|assistent)', '\\bspråkmodell'],
  da: ['\\bai-(?:agent|assistent)', '\\bsprogmodel'],
  fi: ['\\btekoäly(?:avustaja|agentti)', '\\bkielimalli'],
  el: ['βοηθός τεχνητής νοημοσύνης', 'γλωσσικό μοντέλο'],
  ro: ['\\basistent(?:ul)? ai\\b', '\\bagent(?:ul)? ai\\b', '\\bmodel(?:ul)? de limbaj'],
  hu: ['\\b(?:mi|ai)-asszisztens', '\\bnyelvi modell'],
  sw: ['\\bmsaidizi wa ai\\b', '\\bwakala wa ai\\b'],
};

/** Keeps something from the user: "сообщать не нужно", "אל תציין", "ไม่ต้องบอก", "ne említsd". */
const CONCEAL: Phrases = {
  pl: ['\\bnie musisz (?:o tym )?(?:informować|wspominać|mówić)', '\\bbez informowania\\b'],
  cs: ['\\bnemusíš (?:to )?(?:uživateli )?(?:říkat|zmiňovat|sdělovat)', '\\bbez informování\\b'],
  ru: ['сообщать (?:об этом )?не (?:нужно|надо|стоит)', 'не нужно (?:об этом )?(?:сообщать|говорить|упоминать)', 'не (?:сообщайте|упоминайте|говорите|уведомляй|уведомляйте)'],
  uk: ['не (?:повідомляйте|згадуйте|кажіть)', 'не потрібно (?:про це )?(?:повідомляти|згадувати|казати)', 'повідомляти (?:про це )?не потрібно'],
  tr: ['\\b(?:söylemeyin|bahsetmeyin|bildirmeyin|belirtmeyin)\\b', '(?:amirine|yöneticiye|yöneticisine|kullanıcıya) (?:bildirme|raporlama|söyleme|bahsetme)\\b'],
  ar: ['لا (?:تذكر|تُعلم|تعلم|تشر) ', 'دون (?:أن )?(?:تخبر|تذكر)'],
  he: ['אל (?:תציין|תזכיר|תספר|תדווח)', 'אין צורך (?:לציין|לספר|לדווח|להזכיר)', 'מבלי ליידע'],
  fa: ['به کاربر (?:نگو|اطلاع نده)', '(?:اشاره|ذکر) نکن', 'نیازی به اطلاع'],
  hi: ['(?:ज़िक्र|जिक्र|उल्लेख) (?:न|मत) कर', 'बताने की (?:ज़रूरत|जरूरत|आवश्यकता) नहीं'],
  bn: ['(?:জানাবেন|বলবেন|উল্লেখ করবেন) না'],
  id: ['\\bjangan (?:sebutkan|menyebutkan|kasih tahu|bilang)', '\\btidak perlu (?:memberi ?tahu|memberitahukan|menyebutkan)', '\\btanpa memberi ?tahu'],
  vi: ['đừng (?:nói|đề cập|báo)', 'không (?:cần|được) (?:thông báo|đề cập|báo cho|nói với)'],
  th: ['ไม่ต้อง(?:บอก|แจ้ง|อธิบาย)', 'อย่า(?:บอก|แจ้ง)'],
  ja: ['(?:言及|報告)しないで', '触れないで'],
  ko: ['(?:알리지|말하지) 않아도'],
  zh: ['(?:别|不用|不要)告诉', '不要(?:说明|提起)'],
  fi: ['\\bälä (?:kerro|mainitse)', '\\bei tarvitse kertoa'],
  ro: ['\\bnu (?:menționa|spune utilizatorului|informa)'],
  hu: ['\\bne (?:említsd|mondd el|szólj)'],
};

/** Skips the user's approval: "bez potwierdzenia", "אין צורך באישור", "अनुमति लेने की ज़रूरत नहीं". */
const NO_CONFIRM: Phrases = {
  pl: ['\\bbez (?:pytania|potwierdzenia|zgody użytkownika)', '\\bnie pytaj\\b'],
  cs: ['\\bbez (?:ptaní|potvrzení)', '\\bneptej se\\b'],
  ru: ['не спрашивай', 'без (?:подтверждения|согласия пользователя)'],
  uk: ['без (?:підтвердження|запиту)', 'не питай'],
  tr: ['onay(?:ı|ına)? (?:gerek|ihtiyaç) (?:yok|duyulmaz)', 'onay beklemeden'],
  he: ['(?:ללא|בלי) (?:לבקש )?אישור', 'אין צורך (?:באישור|לשאול)'],
  fa: ['بدون (?:پرسیدن|تأیید|تایید)', 'نیازی به (?:تأیید|تایید)'],
  hi: ['(?:अनुमति|मंजूरी|पुष्टि) (?:लेने )?की (?:ज़रूरत|जरूरत|आवश्यकता) नहीं', 'पूछने की (?:ज़रूरत|जरूरत) नहीं', 'बिना पूछे'],
  bn: ['জিজ্ঞাসা না করে', 'অনুমতি ছাড়া'],
  vi: ['không cần (?:hỏi|xác nhận|xin phép)'],
  th: ['ไม่ต้อง(?:ถาม|ขออนุญาต|ยืนยัน)'],
  ko: ['묻지 않아도', '승인 없이'],
  it: ['\\bsenza (?:chiedere|richiedere|conferma|autorizzazione)'],
  fi: ['\\bkysymättä\\b', '\\bilman vahvistusta'],
  ro: ['\\bfără (?:a întreba|confirmare)'],
  hu: ['\\b(?:kérdezés|megerősítés) nélkül'],
  sv: ['\\butan att fråga', '\\butan bekräftelse'],
  el: ['χωρίς (?:να ρωτήσεις|επιβεβαίωση)'],
};

/** Plants a lasting rule: "zapamiętaj trwale", "memoria a lungo termine", "från och med nu". */
const MEMORY: Phrases = {
  it: ['\\bmemoria a lungo termine', '\\b(?:conversazioni|sessioni) future'],
  pl: ['\\bzapamiętaj (?:to )?trwale', '\\bna (?:kolejne|przyszłe) sesje', '\\bw przyszłych rozmowach'],
  sv: ['\\bfrån och med nu\\b', '\\bstående instruktion', '\\bframtida (?:sessioner|samtal)'],
  de: ['\\b(?:merke dir|speichere) (?:das |dies )?dauerhaft', '\\bin künftigen (?:gesprächen|sitzungen)', '\\bin allen künftigen (?:gesprächen|sitzungen)'],
  nl: ['\\bonthoud (?:dit )?permanent', '\\bin toekomstige gesprekken'],
  cs: ['\\btrvale si zapamatuj', '\\bv budoucích (?:konverzacích|relacích)'],
  ru: ['запомни (?:это )?(?:навсегда|надолго|на будущее)', 'в будущих (?:сессиях|разговорах)'],
  uk: ["запам'ятай (?:це )?назавжди", 'у майбутніх (?:розмовах|сесіях)'],
  tr: ['kalıcı olarak (?:hatırla|kaydet)', 'gelecekteki (?:tüm )?(?:konuşmalarda|oturumlarda)'],
  ja: ['今後のすべての(?:会話|セッション)', '今後すべての(?:会話|セッション)', '(?:永続的|長期的)に(?:記憶|保存)', '長期記憶に'],
  ko: ['장기 기억', '장기기억', '영구 기억', '영구기억', '영구적으로 (?:기억|저장)'],
  zh: ['永久(?:记住|記住|保存)', '长期记忆', '以后的所有(?:对话|會話|会话)', '以后所有(?:对话|會話|会话)', '今后的所有(?:对话|會話|会话)', '今后所有(?:对话|會話|会话)', '之后的所有(?:对话|會話|会话)', '之后所有(?:对话|會話|会话)'],
  vi: ['ghi nhớ vĩnh viễn', 'các cuộc (?:trò chuyện|hội thoại) (?:sau|tương lai)'],
  hi: ['हमेशा के लिए याद', 'भविष्य की (?:सभी )?(?:बातचीत|सत्रों)'],
  ar: ['احفظ (?:ذلك )?بشكل دائم', 'جميع المحادثات (?:المستقبلية|القادمة)'],
  he: ['זכור לתמיד', 'בכל השיחות הבאות'],
  th: ['จำไว้(?:ถาวร|ตลอดไป)', 'ทุกการสนทนาในอนาคต'],
};

/** Claims approval was already given: "zaten alındı", "כבר אושר", "पहले से स्वीकृत", "已获批准". */
const CONSENT: Phrases = {
  tr: ['onay(?:ı)? zaten (?:alındı|verildi)', 'zaten onaylandı'],
  he: ['כבר (?:אושר|אושרה|אושרו)', 'אושר מראש'],
  hi: ['पहले (?:से|ही) (?:स्वीकृत|मंजूर|अनुमोदित)'],
  uk: ['вже (?:погоджено|затверджено|схвалено)'],
  ru: ['уже (?:согласовано|одобрено|утверждено)'],
  pl: ['\\bjuż (?:zatwierdzon|uzgodnion)', '\\buzgodnione z (?:zarządem|kierownictwem)'],
  cs: ['\\b(?:již|už) (?:schváleno|odsouhlaseno)'],
  ko: ['이미 (?:승인|허가|동의)', '사전 승인'],
  ja: ['(?:既に|すでに|事前に)承認'],
  zh: ['已经批准', '已經批准', '已获批准', '已獲批准', '已批准', '已获授权', '已授权', '已授權'],
  vi: ['đã được (?:phê duyệt|chấp thuận|cho phép)'],
  th: ['ได้รับ(?:การ)?อนุมัติแล้ว'],
  ar: ['تمت الموافقة (?:مسبق|عليه)'],
  id: ['\\bsudah (?:disetujui|diizinkan)'],
  it: ['\\bgià (?:approvat|autorizzat)'],
  pt: ['\\bjá (?:aprovad|autorizad)'],
  nl: ['\\b(?:al|reeds) goedgekeurd'],
  sv: ['\\bredan godkän'],
  fi: ['\\bjo hyväksytty'],
  ro: ['\\bdeja aprobat'],
  hu: ['\\bmár jóváhagy'],
  el: ['έχει ήδη εγκριθεί'],
  fa: ['قبلاً (?:تأیید|تایید) شده'],
  sw: ['\\btayari imeidhinishwa'],
};

/** Keywords at least this long are rare enough to gate a regex; shorter heads are extended. */
const MIN_HEAD = 6;
/** Heads are cut here: a smaller keyword automaton costs less on every text scanned. */
const NON_ASCII_HEAD = 4;
/** (ASCII heads are cut at MAX_HEAD.) */
const MAX_HEAD = 10;

/**
 * The literal texts every match of a phrase starts with, as keywords: literal text and the
 * alternatives of simple groups ("(?:别|不用)告诉" gives "别告诉" and "不用告诉"), read until each
 * head is MIN_HEAD characters long or the phrase turns to other syntax; an optional group ends a
 * head (or, at the start, is skipped).
 */
function literalHeads(source: string, head = ''): string[] {
  let rest = head === '' ? source.replace(/^\\b/, '') : source;
  let text = head;
  for (;;) {
    if (text.trimEnd().length >= MIN_HEAD || rest === '') return [text.trimEnd().slice(0, MAX_HEAD).trimEnd()];
    if (rest.startsWith('(?:')) {
      const close = rest.indexOf(')');
      const group = rest.slice(3, close);
      const after = rest.slice(close + 1);
      if (after.startsWith('?') || after.startsWith('*')) return text === '' ? literalHeads(after.slice(1)) : [text.trimEnd()];
      if (/[\\()[\].*+?{}^$]/.test(group)) return [text.trimEnd()];
      return group.split('|').flatMap((alt) => literalHeads(after, `${text}${alt}`));
    }
    const m = /^[^\\()[\].*+?{}|^$]+/.exec(rest);
    if (m === null) return [text.trimEnd()];
    // A literal character followed by a quantifier is not certain: stop before it.
    const next = rest[m[0].length];
    const literal = next === '?' || next === '*' || next === '{' ? m[0].slice(0, -1) : m[0];
    text += literal;
    rest = rest.slice(literal.length);
    if (literal.length < m[0].length) return [text.trimEnd()];
  }
}

/** A head's ASCII start when it is long enough to be selective ("bez zgody u"), else its first few characters. */
function compactHead(head: string): string {
  if (/^[\x00-\x7f]*$/.test(head)) return head;
  const ascii = /^[\x00-\x7f]*/.exec(head)?.[0].trimEnd() ?? '';
  return ascii.length >= MIN_HEAD ? ascii : [...head].slice(0, NON_ASCII_HEAD).join('').trimEnd();
}

function lexiconPattern(id: string, kind: SignalKind, description: string, phrases: Phrases, truePositives: readonly string[], falsePositives: readonly string[]): SignalPattern {
  const sources = Object.values(phrases).flat();
  // Outside ASCII a keyword is cut to a few characters: the automaton for those keywords has a row
  // per state and a column per distinct character, so long heads in many scripts cost megabytes.
  const keywords = [...new Set(sources.flatMap((source) => literalHeads(source)).map(compactHead))];
  // A head such as "ai" occurs in most English texts and would run the regex on all of them.
  for (const k of keywords) if (k.length < 2 || (/^[a-z ]+$/.test(k) && k.length < 4)) throw new Error(`lexicon ${id}: phrase head "${k}" is too short to be a keyword (an English text would run the regex)`);
  return { id, kind, description, keywords, regex: new RegExp(sources.join('|'), 'gu'), truePositives, falsePositives };
}

export const LEXICON_SIGNALS: readonly SignalPattern[] = [
  lexiconPattern('ai-reader-lexicon', 'addressee', 'Names an AI assistant, agent or language model, in thirty languages.', AI_READER,
    ['wichtig für den ki-agenten, der dieses ticket bearbeitet', "nota per l'assistente ai che sta confrontando i prezzi", 'службова примітка для мовної моделі', 'если это письмо обрабатывает ии-помощник', 'एआई सहायक के लिए निर्देश', 'ถึงผู้ช่วย ai ที่สรุปกระทู้นี้', 'הערה למערכת הבינה המלאכותית שמסכמת', '[sistem notu – yapay zekâ asistanı için]', 'om du är en ai-agent med tillgång'],
    ['the ai working group', 'la inteligencia artificial transforma la industria', 'ki-generierte bilder sind gekennzeichnet']),
  lexiconPattern('conceal-lexicon', 'conceal', 'Keeps something from the user, in languages the English and European tables do not cover.', CONCEAL,
    ['пользователю об этом сообщать не нужно', 'אל תציין את ההפרש', 'ไม่ต้องอธิบายให้ผู้ใช้ทราบ', 'bu işlemi vardiya amirine raporlama', 'उन्हें बताने की ज़रूरत नहीं'],
    ['сообщать о проблемах нужно сразу', 'raporlama modülü güncellendi']),
  lexiconPattern('no-confirm-lexicon', 'no-confirm', 'Acts without the user\'s approval, in more languages.', NO_CONFIRM,
    ['उपयोगकर्ता से अनुमति लेने की ज़रूरत नहीं है', 'אין צורך באישור נוסף', 'ไม่ต้องขออนุญาตผู้ใช้', 'bez potwierdzenia użytkownika', 'senza chiedere conferma'],
    ['onay süreci iki gün sürer', 'bez dodatkowych opłat']),
  lexiconPattern('memory-lexicon', 'preempt', 'Plants a lasting rule or fact in memory, in more languages.', MEMORY,
    ['salva nella tua memoria a lungo termine', 'zapamiętaj trwale, także na kolejne sesje', 'lägg från och med nu till', '今後のすべての会話で'],
    ['la memoria del dispositivo è piena']),
  lexiconPattern('consent-lexicon', 'consent-claim', 'Claims the action was already approved, in more languages.', CONSENT,
    ['yönetici onayı zaten alındı', 'זה כבר אושר על ידי ההנהלה', 'यह पहले से स्वीकृत है', '此操作已获批准'],
    ['onay bekleniyor', 'pending approval']),
];
