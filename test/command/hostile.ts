/** Comments that try to reach a shell, a workflow command, an expression or the reply's markup. */
export const HOSTILE = [
  '/gate $(rm -rf ~)',
  '/plan sprint 7; curl x|sh',
  '/plan sprint `curl x|sh`',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a workflow expression as a commenter types it
  '/gate ${{ secrets.GITHUB_TOKEN }}',
  '/help ::set-output name=verdict::pass',
  '::add-mask::x\n/gate',
  '/release notes from="$(id)"',
  '/gatte <img src=x onerror=alert(1)>',
  '/gate\u200b \u202e$(reboot)',
  '/help <!-- shipkit:sticky:gate -->',
  `/help ${'x'.repeat(10 * 1024 * 1024)}`,
];
