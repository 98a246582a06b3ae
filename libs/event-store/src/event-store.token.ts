/** Injection token for the port (a plain string keeps this library free of Nest). */
export const EVENT_STORE = 'EventStore';
