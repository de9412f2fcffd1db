export const CHROMIUM_PATH = '/usr/bin/chromium';
export const STRONG_PASSWORD = 'Orchid-Lantern-47';
export const NEW_PASSWORD = 'Copper-Meadow-93';
