/** A participant in a choice list: code and name, apart by an ideographic space. */
export function participantLabel(participant: { code: string; name: string }): string {
  return `${participant.code}\u3000${participant.name}`
}
