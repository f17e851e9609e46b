// Ids in URLs are UUIDs; anything else is answered as "not found" before it reaches the database.
export const isUuid = (value: string) => /^[0-9a-f-]{36}$/i.test(value);
