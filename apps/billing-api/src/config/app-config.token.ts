/** The injection token of the service's `AppConfig`. */
export const APP_CONFIG = 'AppConfig';
