// Contracts of the six types, their terms and purchases: decider and events.
export {};
