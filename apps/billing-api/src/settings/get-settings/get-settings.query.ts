export class GetSettingsQuery {}
