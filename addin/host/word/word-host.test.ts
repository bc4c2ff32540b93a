// The host contract over the Word adapter and the fake Word, with Word on the web (data-changed per keystroke)
// and on desktop (data-changed only on leaving the control).
import { wordUnderTest } from '../../../test/fakes/word/host.ts';
import { runHostContract } from '../contract.ts';

runHostContract('word (fake, web timing)', () => wordUnderTest({ timing: 'web' }), { articleBody: true });
runHostContract('word (fake, desktop timing)', () => wordUnderTest({ timing: 'desktop' }), { articleBody: true });
