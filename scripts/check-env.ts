// Imported first by every entry point: a bad setting stops the program before any module reads it.
import { checkEnv } from "../lib/env";

checkEnv();
