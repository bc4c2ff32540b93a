import { runStorageContract } from './contract.ts';
import { createMemoryStorage } from './memory.ts';

runStorageContract('memory', async () => createMemoryStorage());
