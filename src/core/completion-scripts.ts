/**
 * Shell completion scripts. Each asks `notes __complete <words...>` for the
 * candidates, so completion always knows the current commands, options,
 * tags, visits and notes (cobra-based tools such as gh work the same way).
 */
export const COMPLETION_SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof COMPLETION_SHELLS)[number];

const BASH = `# notes completion for bash. Install: notes completion bash > ~/.local/share/bash-completion/completions/notes
# One candidate a line, already escaped for bash (which inserts them as they are).
_notes() {
  local word
  COMPREPLY=()
  while IFS= read -r word; do COMPREPLY+=("$word"); done < <(notes __complete --bash "\${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null)
}
complete -o default -F _notes notes
`;

const ZSH = `#compdef notes
# notes completion for zsh. Install: notes completion zsh > "\${fpath[1]}/_notes" (then restart zsh)
_notes() {
  local -a candidates
  # words are as typed (ünï\\ c): (Q) unquotes them; compadd quotes what it inserts.
  candidates=("\${(@f)$(notes __complete "\${(@Q)words[2,CURRENT]}" 2>/dev/null)}")
  compadd -a candidates
}
if [ "$funcstack[1]" = "_notes" ]; then _notes "$@"; else compdef _notes notes; fi
`;

const FISH = `# notes completion for fish. Install: notes completion fish > ~/.config/fish/completions/notes.fish
complete -c notes -f -a '(notes __complete (commandline -opc)[2..-1] (commandline -ct) 2>/dev/null)'
`;

export function completionScript(shell: Shell): string {
  return { bash: BASH, zsh: ZSH, fish: FISH }[shell];
}
