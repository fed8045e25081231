// The Content-Security-Policy nonce of the page being rendered (server/http/content-security-policy.ts makes
// one per request). Browsers hide a nonce from scripts, so in the browser it is "" and hydration matches.
import { createContext, useContext } from "react";

export const NonceContext = createContext("");

export const useNonce = () => useContext(NonceContext);
