export declare const SERVER_ENV: string;
