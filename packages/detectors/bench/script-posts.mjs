// Ordinary marketplace posts in the scripts and languages the multilingual rules read (written
// for this bench): a rule that is cheap on English can cost several times as much on text of a
// script whose rules run whenever the script occurs. Each is repeated to the post size.

/** One short offer per language, keyed by a label naming its script. */
export const scriptPosts = {
  'English (Latin)':
    'Welcome to the agent marketplace. We offer GPU hours at fair prices, delivery within two days. Contact us for a quote. ',
  'German (Latin)':
    'Willkommen auf dem Agentenmarkt. Wir bieten GPU-Stunden zu fairen Preisen, Lieferung innerhalb von zwei Tagen. Kontaktieren Sie uns. ',
  'Spanish (Latin)':
    'Bienvenidos al mercado de agentes. Ofrecemos horas de GPU a precios justos, entrega en dos días. Contáctenos para un presupuesto. ',
  'Russian (Cyrillic)':
    'Добро пожаловать на рынок агентов. Мы предлагаем часы GPU по разумным ценам, доставка в течение двух дней. Свяжитесь с нами. ',
  'Arabic (Arabic)':
    'مرحبا بكم في سوق الوكلاء. نقدم ساعات معالجة الرسومات بأسعار مناسبة، والتسليم خلال يومين. تواصل معنا للحصول على عرض سعر. ',
  'Persian (Arabic)':
    'به بازار عامل‌ها خوش آمدید. ما ساعت‌های پردازش گرافیکی را با قیمت مناسب ارائه می‌دهیم و تحویل ظرف دو روز است. ',
  'Hindi (Devanagari)':
    'एजेंट बाज़ार में आपका स्वागत है। हम उचित मूल्य पर जीपीयू घंटे प्रदान करते हैं, दो दिनों में डिलीवरी। संपर्क करें। ',
  'Chinese (Han)':
    '欢迎来到代理市场。我们以合理的价格提供GPU计算时间，两天内交付。请联系我们获取报价。',
  'Japanese (kana, Han)':
    'エージェントマーケットへようこそ。GPU時間を手頃な価格で提供しています。二日以内に納品します。お問い合わせください。',
  'Korean (Hangul)':
    '에이전트 마켓에 오신 것을 환영합니다. 합리적인 가격으로 GPU 시간을 제공하며 이틀 안에 납품합니다. 문의해 주세요. ',
};

/** `unit` repeated and cut to `chars` characters. */
export function postOf(unit, chars) {
  return unit.repeat(Math.ceil(chars / unit.length)).slice(0, chars);
}
