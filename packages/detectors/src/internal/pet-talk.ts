/**
 * Pet humour speaks as the pet to its owner or its human: "what happens at doggy daycare, your
 * owner doesn't need to know", "Katzen, versteckt das vor eurem Menschen", "no le cuentes a tu
 * dueño que me comí el calcetín". Such a post names an owner the way a hijack names the reading
 * agent's. A hijack rule about keeping the reader's owner in the dark asks {@link petSpeaks}
 * before it counts a match; an operator or a developer is no pet's, so only owners and humans are
 * excused, and only with a pet named close by.
 */

// Pets, and the meme a pet's voice comes in, in the languages of the hijack rules. French "chat"
// only after a determiner ("chat" is also a conversation).
const PET =
  /(?<!\p{L})(?:memes?|mèmes?|мем\p{L}*|mem|dogs?|cats?|pets?|parrots?|birds?|hamsters?|rabbits?|bunn(?:y|ies)|papageien?|loros?|perroquets?|pappagall[oi]|papagaios?|papegaai\p{L}*|papug\p{L}*|попуга\p{L}*|kakaktua|papağan\p{L}*|pies|pupp(?:y|ies)|kitt(?:y|en|ens|ies)|doggy|doggo|woof|meow|paws?|hund(?:e|en)?|katzen?|kater|haustier\p{L}*|perr[oa]s?|perrit[oa]s?|gat[oa]s?|gatit[oa]s?|mascotas?|chiens?|chiots?|(?:mon|ton|le|du|un) chat|chatons?|cane|cani|gatt[oi]|cucciol\p{L}*|cachorr[oa]s?|bichinhos?|hond(?:en|je)?|katten|huisdier\p{L}*|psy|psa|psem|kot(?:y|a|ek|em)?|kotk\p{L}*|собак\p{L}*|пёс|пес|псин\p{L}*|кот(?:ик\p{L}*|ы|а|у)?|кошк\p{L}*|щен\p{L}*|sobak\p{L}*|kotik\p{L}*|koshk\p{L}*|anjing|kucing|peliharaan|köpe\p{L}*|kedi\p{L}*|evcil)(?!\p{L})/iu;

// An owner or a human, as a pet would name one.
const OWNER_OR_HUMAN =
  /owner|human|dueñ|duen|humano|amo\b|besitzer|mensch|herrchen|frauchen|propriétaire|proprietaire|maître|maitre|humain|padron|proprietari|umano|dono|eigenaar|baasje|mens\b|właściciel|wlasciciel|człowie|czlowie|хозя|владел|человек|hozya|khozya|vladel|chelovek|pemilik|majikan|manusia|sahib|insan/iu;

/** Characters before a match in which a pet is looked for. */
const BEFORE = 160;
/** Characters after a match in which a pet is looked for. */
const AFTER = 80;

/**
 * Whether a match `[start, end)` of `target` that names an owner or a human is a pet's voice: a pet
 * is named within {@link BEFORE} characters before it or {@link AFTER} after it.
 */
export function petSpeaks(target: string, start: number, end: number): boolean {
  return (
    OWNER_OR_HUMAN.test(target.slice(start, end)) &&
    PET.test(target.slice(Math.max(0, start - BEFORE), Math.min(target.length, end + AFTER)))
  );
}
