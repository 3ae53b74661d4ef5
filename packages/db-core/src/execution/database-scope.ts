/** Which kind of database a file is: the data folder's one global database, or a profile's. */
export type DatabaseScope = 'global' | 'profile';
