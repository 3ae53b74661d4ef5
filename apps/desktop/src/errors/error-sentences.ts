import type { KnownErrorCode } from './known-error-codes';
import type { Sentence } from './locale';

/**
 * The one catalogue of error sentences: for every code the product can raise, what happened and
 * what to do, in English and in French (the previous UI's two languages). The CLI prints them,
 * the router adds them to every error result, and the host serves them to the page.
 *
 * A code is the stable contract and a message its technical detail; a sentence is for people
 * and may be reworded at will. Sentences never quote a path, a row or SQL, and never repeat the
 * code (it is shown beside them). Codes that are not in a code constant are the diagnostics'
 * (`lepupitre db doctor`); a test finds them in the sources.
 */
export const ERROR_SENTENCES = {
  // db-core: opening, posture, driver failures
  DB_POSTURE_MISMATCH: {
    en: 'The database could not be opened with the settings that keep it safe. Check the disk and its file system, then try again.',
    fr: "La base n'a pas pu être ouverte avec les réglages qui la protègent. Vérifiez le disque et son système de fichiers, puis réessayez.",
  },
  DB_PATH_IS_DIRECTORY: {
    en: 'A folder stands where the database file should be. Move that folder away, then try again.',
    fr: 'Un dossier se trouve à la place du fichier de la base. Déplacez ce dossier, puis réessayez.',
  },
  DB_NOT_A_DATABASE: {
    en: 'The file is not a database the app can read. Restore a backup, or run lepupitre db recover.',
    fr: "Le fichier n'est pas une base que l'app sait lire. Restaurez une sauvegarde, ou lancez lepupitre db recover.",
  },
  DB_CORRUPT: {
    en: 'The database is damaged. Try again: the app checks it and recovers what it can. If it keeps failing, run lepupitre db recover.',
    fr: "La base est endommagée. Réessayez : l'app la vérifie et récupère ce qu'elle peut. Si l'erreur persiste, lancez lepupitre db recover.",
  },
  DB_CANT_OPEN: {
    en: 'The database file cannot be opened. Check that its folder exists and that you may read and write in it.',
    fr: 'Le fichier de la base ne peut pas être ouvert. Vérifiez que son dossier existe et que vous pouvez y lire et y écrire.',
  },
  DB_BUSY: {
    en: 'The database is in use by another program (another copy of the app?). Close it, wait a moment and try again.',
    fr: "La base est utilisée par un autre programme (une autre copie de l'app ?). Fermez-le, patientez un instant et réessayez.",
  },
  DB_DISK_FULL: {
    en: 'The disk is full. Free some space, then try again.',
    fr: 'Le disque est plein. Libérez de la place, puis réessayez.',
  },
  DB_READ_ONLY: {
    en: 'The database is read-only. Check the permissions of the data folder and of its files.',
    fr: 'La base est en lecture seule. Vérifiez les droits du dossier de données et de ses fichiers.',
  },
  DB_IO: {
    en: 'The disk reported a read or write error. Check the disk, then try again.',
    fr: "Le disque a signalé une erreur de lecture ou d'écriture. Vérifiez le disque, puis réessayez.",
  },
  DB_CONSTRAINT: {
    en: 'The database refused a change that would break its rules, so nothing was saved. Check what you entered and try again.',
    fr: "La base a refusé une modification contraire à ses règles : rien n'a été enregistré. Vérifiez votre saisie et réessayez.",
  },
  DB_SQL_ERROR: {
    en: 'The database refused the operation. Try again; if it keeps failing, run lepupitre db doctor and report what it prints.',
    fr: "La base a refusé l'opération. Réessayez ; si l'erreur persiste, lancez lepupitre db doctor et transmettez ce qu'il affiche.",
  },
  DB_SCOPE_MISMATCH: {
    en: 'This database file is not of the expected kind (global or profile). Check which file was chosen.',
    fr: "Ce fichier de base n'est pas du type attendu (global ou profil). Vérifiez le fichier choisi.",
  },
  DB_ASYNC_TRANSACTION: {
    en: 'An internal error of the app stopped the operation and nothing was saved. Report it with what you were doing.',
    fr: "Une erreur interne de l'app a arrêté l'opération et rien n'a été enregistré. Signalez-la en précisant ce que vous faisiez.",
  },
  DB_NOT_IN_TRANSACTION: {
    en: 'An internal error of the app stopped the operation and nothing was saved. Report it with what you were doing.',
    fr: "Une erreur interne de l'app a arrêté l'opération et rien n'a été enregistré. Signalez-la en précisant ce que vous faisiez.",
  },
  DB_INJECTED_FAULT: {
    en: 'A test harness stopped the operation on purpose; nothing was saved.',
    fr: "Un outil de test a arrêté l'opération volontairement ; rien n'a été enregistré.",
  },
  DB_CLOSED: {
    en: 'The database had already been closed. Try again.',
    fr: 'La base était déjà fermée. Réessayez.',
  },
  DB_NEWER_THAN_APP: {
    en: 'This database was written by a newer version of LePupitre, so it was left untouched. Update the app to open it.',
    fr: "Cette base a été écrite par une version plus récente de LePupitre : elle n'a pas été modifiée. Mettez l'app à jour pour l'ouvrir.",
  },

  // db-core: the migration history
  MIGRATION_GAP: {
    en: "The database's upgrade history misses a step, so it was not upgraded. Restore a backup, or contact support.",
    fr: "Il manque une étape dans l'historique de mise à niveau de la base : elle n'a pas été mise à niveau. Restaurez une sauvegarde, ou contactez l'assistance.",
  },
  MIGRATION_ORDER: {
    en: "The database's upgrade history is out of order, so it was not upgraded. Restore a backup, or contact support.",
    fr: "L'historique de mise à niveau de la base est dans le désordre : elle n'a pas été mise à niveau. Restaurez une sauvegarde, ou contactez l'assistance.",
  },
  MIGRATION_UNKNOWN: {
    en: 'The database records an upgrade this app does not know, so it was left untouched. Use the version of the app that wrote it, or restore a backup.',
    fr: "La base mentionne une mise à niveau que cette app ne connaît pas : elle n'a pas été modifiée. Utilisez la version de l'app qui l'a écrite, ou restaurez une sauvegarde.",
  },
  MIGRATION_CHECKSUM_MISMATCH: {
    en: "The database records an upgrade that differs from this app's, so it was left untouched. Restore a backup, or contact support.",
    fr: "La base mentionne une mise à niveau différente de celle de cette app : elle n'a pas été modifiée. Restaurez une sauvegarde, ou contactez l'assistance.",
  },
  MIGRATION_FAILED: {
    en: 'Upgrading the database failed and was undone: the database is as it was. Try again, or contact support.',
    fr: "La mise à niveau de la base a échoué et a été annulée : la base est telle qu'avant. Réessayez, ou contactez l'assistance.",
  },
  MIGRATION_FK_VIOLATION: {
    en: 'Upgrading the database would have broken links between its records, so it was undone. Run lepupitre db doctor, then contact support.',
    fr: "La mise à niveau de la base aurait rompu des liens entre ses données : elle a été annulée. Lancez lepupitre db doctor, puis contactez l'assistance.",
  },

  // db-core: snapshots, backups, restore, recovery
  DB_SNAPSHOT_FAILED: {
    en: 'The safety copy taken before an upgrade failed, so nothing was upgraded. Free some disk space and try again.',
    fr: "La copie de sécurité prise avant la mise à niveau a échoué : rien n'a été mis à niveau. Libérez de la place sur le disque et réessayez.",
  },
  DB_RECOVERY_NO_SNAPSHOT: {
    en: 'The database is damaged, nothing could be salvaged and no verified backup exists. The damaged file was set aside; contact support.',
    fr: "La base est endommagée, rien n'a pu être récupéré et aucune sauvegarde vérifiée n'existe. Le fichier endommagé a été mis de côté ; contactez l'assistance.",
  },
  DB_RECOVERY_FAILED: {
    en: 'The database is damaged and its repaired copy did not pass its checks. The damaged file was set aside; contact support.',
    fr: "La base est endommagée et sa copie réparée n'a pas passé les vérifications. Le fichier endommagé a été mis de côté ; contactez l'assistance.",
  },
  DB_RECOVERY_SCHEMA_REFUSED: {
    en: 'The damaged database holds table definitions that are not safe to run, so they were not used. Run lepupitre db recover to salvage its rows.',
    fr: "La base endommagée contient des définitions de tables dangereuses à exécuter : elles n'ont pas été utilisées. Lancez lepupitre db recover pour en récupérer les données.",
  },
  DB_RECOVERY_NO_DATABASE: {
    en: 'There is no database file to recover. To go back to an earlier state, restore a backup with lepupitre db restore.',
    fr: "Il n'y a pas de fichier de base à récupérer. Pour revenir à un état antérieur, restaurez une sauvegarde avec lepupitre db restore.",
  },
  DB_BACKUP_FAILED: {
    en: 'The backup could not be written or did not verify, so no backup was added. Check the free disk space and try again.',
    fr: "La sauvegarde n'a pas pu être écrite ou vérifiée : aucune sauvegarde n'a été ajoutée. Vérifiez la place libre sur le disque et réessayez.",
  },
  DB_BACKUP_NOT_FOUND: {
    en: 'No backup of that name exists for this database. Run lepupitre db backups to list them.',
    fr: "Aucune sauvegarde de ce nom n'existe pour cette base. Lancez lepupitre db backups pour les lister.",
  },
  DB_BACKUP_UNVERIFIED: {
    en: 'This backup could not be verified, so nothing was restored. Choose a verified backup from lepupitre db backups.',
    fr: "Cette sauvegarde n'a pas pu être vérifiée : rien n'a été restauré. Choisissez une sauvegarde vérifiée dans lepupitre db backups.",
  },
  DB_RESTORE_FAILED: {
    en: 'The restore did not complete. The previous files were put back, or kept in the replaced folder; run lepupitre db doctor before going on.',
    fr: "La restauration n'a pas abouti. Les fichiers précédents ont été remis en place, ou gardés dans le dossier replaced ; lancez lepupitre db doctor avant de continuer.",
  },

  // db-core: what lepupitre db doctor reports
  DB_FOREIGN_KEY_VIOLATIONS: {
    en: 'Some records refer to records that no longer exist. Run lepupitre db recover, or restore a backup.',
    fr: "Des données renvoient à des données qui n'existent plus. Lancez lepupitre db recover, ou restaurez une sauvegarde.",
  },
  DB_RESTORE_INTERRUPTED: {
    en: 'A restore was interrupted while it moved files. Open the database again (start the app, or run lepupitre db migrate) to finish it.',
    fr: "Une restauration a été interrompue pendant qu'elle déplaçait des fichiers. Rouvrez la base (lancez l'app, ou lepupitre db migrate) pour la terminer.",
  },
  DB_RECOVERY_INTERRUPTED: {
    en: 'A recovery was interrupted while it moved files. Open the database again (start the app, or run lepupitre db migrate) to finish it.',
    fr: "Une récupération a été interrompue pendant qu'elle déplaçait des fichiers. Rouvrez la base (lancez l'app, ou lepupitre db migrate) pour la terminer.",
  },
  ARTIFACT_MISSING: {
    en: 'Some files of the profile are missing. Restore the profile from a backup that holds them.',
    fr: 'Des fichiers du profil manquent. Restaurez le profil depuis une sauvegarde qui les contient.',
  },
  ARTIFACT_SIZE_MISMATCH: {
    en: 'Some files of the profile are not the size recorded for them (cut short or replaced). Restore the profile from a backup that holds them.',
    fr: "Des fichiers du profil n'ont pas la taille enregistrée (tronqués ou remplacés). Restaurez le profil depuis une sauvegarde qui les contient.",
  },
  ARTIFACT_SHA256_MISMATCH: {
    en: 'Some files of the profile no longer hold the bytes recorded for them. Restore the profile from a backup that holds them.',
    fr: 'Des fichiers du profil ne contiennent plus les octets enregistrés. Restaurez le profil depuis une sauvegarde qui les contient.',
  },
  ARTIFACT_PATH_NOT_ALLOWED: {
    en: "Some records lead outside the profile's folder, so the app refuses to read them. Restore the profile from a backup.",
    fr: "Des données mènent hors du dossier du profil : l'app refuse de les lire. Restaurez le profil depuis une sauvegarde.",
  },
  ARTIFACT_UNREADABLE: {
    en: "Some files of the profile cannot be read. Give the profile's folder back to the user who runs the app, then check again.",
    fr: "Des fichiers du profil sont illisibles. Rendez le dossier du profil à l'utilisateur qui lance l'app, puis vérifiez de nouveau.",
  },
  ARTIFACT_STRAY_FILE: {
    en: 'Some files of the profile belong to no record. Nothing to do: the next open of the profile sets them aside.',
    fr: "Des fichiers du profil n'appartiennent à aucune donnée. Rien à faire : la prochaine ouverture du profil les met de côté.",
  },
  ARTIFACT_TEMPORARY_FILE: {
    en: 'Temporary files of interrupted writes remain in the profile. Nothing to do: the next open of the profile deletes them.',
    fr: "Des fichiers temporaires d'écritures interrompues restent dans le profil. Rien à faire : la prochaine ouverture du profil les supprime.",
  },
  ARTIFACT_NOT_A_FILE: {
    en: 'Some entries among the files of the profile are not regular files (links, pipes). Nothing to do: the next open of the profile sets them aside.',
    fr: "Des entrées parmi les fichiers du profil ne sont pas des fichiers ordinaires (liens, tubes). Rien à faire : la prochaine ouverture du profil les met de côté.",
  },

  // db-core: artifact files and transcripts, shared by every context
  artifact_not_found: {
    en: 'The file this refers to no longer exists in this profile. Reload and choose another one.',
    fr: "Le fichier visé n'existe plus dans ce profil. Rechargez et choisissez-en un autre.",
  },
  artifact_path_not_allowed: {
    en: "A stored file lies outside the profile's folder, so it was not opened. Run lepupitre db doctor to check the profile's files.",
    fr: "Un fichier enregistré se trouve hors du dossier du profil : il n'a pas été ouvert. Lancez lepupitre db doctor pour vérifier les fichiers du profil.",
  },
  artifact_write_failed: {
    en: "A file could not be saved. Check the free disk space and the data folder's permissions, then try again.",
    fr: "Un fichier n'a pas pu être enregistré. Vérifiez la place libre sur le disque et les droits du dossier de données, puis réessayez.",
  },
  artifact_read_failed: {
    en: "A stored file could not be read. Check the disk, then run lepupitre db doctor to check the profile's files.",
    fr: "Un fichier enregistré n'a pas pu être lu. Vérifiez le disque, puis lancez lepupitre db doctor pour vérifier les fichiers du profil.",
  },
  transcript_parse_failed: {
    en: "The transcript is not in the app's transcript format, so it cannot be read. Import it again.",
    fr: "La transcription n'est pas au format de l'app : elle ne peut pas être lue. Importez-la de nouveau.",
  },
  transcript_empty: {
    en: 'The transcript holds no text. Type or import what was said first.',
    fr: "La transcription ne contient aucun texte. Saisissez ou importez d'abord ce qui a été dit.",
  },

  // workspace: profiles and preferences
  profile_not_found: {
    en: 'This profile no longer exists. Reload and choose another profile.',
    fr: "Ce profil n'existe plus. Rechargez et choisissez un autre profil.",
  },
  profile_name_exists: {
    en: 'A profile with this name already exists. Choose another name.',
    fr: 'Un profil porte déjà ce nom. Choisissez-en un autre.',
  },
  profile_name_invalid: {
    en: 'A profile needs a name. Type one and try again.',
    fr: 'Un profil doit avoir un nom. Saisissez-en un et réessayez.',
  },
  path_not_allowed: {
    en: 'The app may not touch the file at this location. Choose a recording of this profile.',
    fr: "L'app n'a pas le droit de toucher au fichier à cet emplacement. Choisissez un enregistrement de ce profil.",
  },
  preference_key_invalid: {
    en: 'This setting name is not valid: use 1 to 160 letters, digits, dots, dashes, underscores or colons.',
    fr: "Ce nom de réglage n'est pas valide : utilisez de 1 à 160 lettres, chiffres, points, tirets, soulignés ou deux-points.",
  },
  preference_key_sensitive_forbidden: {
    en: "Settings may not hold secrets such as passwords or tokens. Keep secrets in the system's keychain.",
    fr: 'Les réglages ne peuvent pas contenir de secrets comme des mots de passe ou des jetons. Gardez les secrets dans le trousseau du système.',
  },
  preference_value_too_large: {
    en: "This setting's value is too large (32 KiB at most). Store less.",
    fr: 'La valeur de ce réglage est trop grande (32 Kio au plus). Enregistrez-en moins.',
  },
  project_not_found: {
    en: 'This talk no longer exists. Reload and choose another talk.',
    fr: "Cette présentation n'existe plus. Rechargez et choisissez-en une autre.",
  },
  profile_folder_create_failed: {
    en: "The profile's folder could not be created. Check the free disk space and the data folder's permissions.",
    fr: "Le dossier du profil n'a pas pu être créé. Vérifiez la place libre sur le disque et les droits du dossier de données.",
  },
  profile_folder_move_failed: {
    en: "The profile's folder could not be moved aside, so the profile was not deleted. Close any program using its files and try again.",
    fr: "Le dossier du profil n'a pas pu être mis de côté : le profil n'a pas été supprimé. Fermez les programmes qui utilisent ses fichiers et réessayez.",
  },
  profile_switch_failed: {
    en: 'Switching profiles could not be undone because another window changed the profiles meanwhile. Reload the profile list and check it.',
    fr: "Le changement de profil n'a pas pu être annulé car une autre fenêtre a modifié les profils entre-temps. Rechargez la liste des profils et vérifiez-la.",
  },
  profile_delete_failed: {
    en: 'Deleting the profile could not be undone because another window changed the profiles meanwhile. Reload the profile list and check it.',
    fr: "La suppression du profil n'a pas pu être annulée car une autre fenêtre a modifié les profils entre-temps. Rechargez la liste des profils et vérifiez-la.",
  },

  // talk: talks, outlines, runs, transcripts and audio
  project_training_not_activatable: {
    en: 'The training talk cannot be the current talk. Choose one of your talks.',
    fr: "La présentation d'entraînement ne peut pas être la présentation en cours. Choisissez l'une de vos présentations.",
  },
  project_title_required: {
    en: 'A talk needs a title. Type one and try again.',
    fr: 'Une présentation doit avoir un titre. Saisissez-en un et réessayez.',
  },
  project_title_too_long: {
    en: "The talk's title is too long (120 characters at most). Shorten it.",
    fr: 'Le titre de la présentation est trop long (120 caractères au plus). Raccourcissez-le.',
  },
  project_stage_required: {
    en: 'A talk needs a stage. Choose one and try again.',
    fr: 'Une présentation doit avoir une étape. Choisissez-en une et réessayez.',
  },
  project_duration_invalid: {
    en: 'The target duration must be a whole number of seconds, above zero.',
    fr: 'La durée visée doit être un nombre entier de secondes, supérieur à zéro.',
  },
  run_not_found: {
    en: 'This rehearsal no longer exists. Reload the list.',
    fr: "Cette répétition n'existe plus. Rechargez la liste.",
  },
  run_list_limit_invalid: {
    en: 'The number of rehearsals to list must be a whole number.',
    fr: 'Le nombre de répétitions à afficher doit être un nombre entier.',
  },
  run_update_missing: {
    en: 'The rehearsal changed while it was being updated, so nothing was saved. Reload and try again.',
    fr: "La répétition a changé pendant sa mise à jour : rien n'a été enregistré. Rechargez et réessayez.",
  },
  artifact_not_audio: {
    en: 'This file is not a recording. Choose an audio recording.',
    fr: "Ce fichier n'est pas un enregistrement. Choisissez un enregistrement audio.",
  },
  audio_too_large_to_play: {
    en: 'This recording is too long to play here (more than 64 MiB). It is still stored in the profile.',
    fr: "Cet enregistrement est trop long pour être écouté ici (plus de 64 Mio). Il reste enregistré dans le profil.",
  },
  artifact_not_transcript: {
    en: 'This file is not a transcript. Choose a transcript.',
    fr: "Ce fichier n'est pas une transcription. Choisissez une transcription.",
  },
  transcript_format_invalid: {
    en: 'A transcript can be exported as txt, json, srt or vtt only. Choose one of these formats.',
    fr: "Une transcription ne peut être exportée qu'en txt, json, srt ou vtt. Choisissez l'un de ces formats.",
  },
  audio_in_use: {
    en: 'A rehearsal or a quest attempt uses this recording, so it cannot be deleted.',
    fr: 'Une répétition ou une tentative de quête utilise cet enregistrement : il ne peut pas être supprimé.',
  },
  trim_range_invalid: {
    en: 'The part to keep is not valid. Choose a start before the end, within the recording.',
    fr: "La partie à garder n'est pas valide. Choisissez un début avant la fin, dans l'enregistrement.",
  },
  trim_source_empty: {
    en: 'The recording is empty, so there is nothing to cut. Choose another recording.',
    fr: "L'enregistrement est vide : il n'y a rien à couper. Choisissez un autre enregistrement.",
  },
  trim_too_short: {
    en: 'The part to keep is too short. Choose a longer part of the recording.',
    fr: "La partie à garder est trop courte. Choisissez une partie plus longue de l'enregistrement.",
  },
  wav_header: {
    en: 'This file is not a WAV recording (its header is missing or damaged). Choose a WAV file.',
    fr: "Ce fichier n'est pas un enregistrement WAV (son en-tête manque ou est endommagé). Choisissez un fichier WAV.",
  },
  wav_format: {
    en: 'This WAV recording is not in the format the app uses (mono, 16-bit PCM). Convert it and try again.',
    fr: "Cet enregistrement WAV n'est pas au format de l'app (mono, PCM 16 bits). Convertissez-le et réessayez.",
  },
  wav_sample_rate: {
    en: 'This WAV recording is not sampled at 16 kHz. Convert it to 16 kHz and try again.',
    fr: "Cet enregistrement WAV n'est pas échantillonné à 16 kHz. Convertissez-le en 16 kHz et réessayez.",
  },
  wav_data: {
    en: 'This WAV recording is incomplete or damaged. Export it again and retry.',
    fr: 'Cet enregistrement WAV est incomplet ou endommagé. Exportez-le de nouveau et réessayez.',
  },
  wav_data_size: {
    en: 'This WAV recording is too long (about 35 minutes at most) or its sound data is damaged. Use a shorter recording.',
    fr: 'Cet enregistrement WAV est trop long (35 minutes environ au plus) ou ses données sonores sont endommagées. Utilisez un enregistrement plus court.',
  },
  export_path_not_allowed: {
    en: 'The export was refused because its file name is not allowed. Report it with what you were exporting.',
    fr: "L'export a été refusé car son nom de fichier n'est pas autorisé. Signalez-le en précisant ce que vous exportiez.",
  },
  export_dir_failed: {
    en: "The export folder could not be created. Check the free disk space and the data folder's permissions.",
    fr: "Le dossier des exports n'a pas pu être créé. Vérifiez la place libre sur le disque et les droits du dossier de données.",
  },
  export_write_failed: {
    en: 'The export file could not be written. Check the free disk space, then try again.',
    fr: "Le fichier d'export n'a pas pu être écrit. Vérifiez la place libre sur le disque, puis réessayez.",
  },

  // quest: the catalogue and attempts
  no_quest_seeded: {
    en: 'No quest is available in this profile. Restart the app; if it persists, contact support.',
    fr: "Aucune quête n'est disponible dans ce profil. Relancez l'app ; si cela persiste, contactez l'assistance.",
  },
  quest_not_found: {
    en: 'This quest does not exist. Choose a quest from the list.',
    fr: "Cette quête n'existe pas. Choisissez une quête dans la liste.",
  },
  targets_parse: {
    en: "A quest's stored details cannot be read. Run lepupitre db doctor, then contact support.",
    fr: "Les détails enregistrés d'une quête sont illisibles. Lancez lepupitre db doctor, puis contactez l'assistance.",
  },
  attempt_not_found: {
    en: 'This quest attempt no longer exists. Reload the list.',
    fr: "Cette tentative de quête n'existe plus. Rechargez la liste.",
  },
  attempt_missing_text: {
    en: 'This attempt has neither text nor transcript, so there is nothing to analyse. Add your answer first.',
    fr: "Cette tentative n'a ni texte ni transcription : il n'y a rien à analyser. Ajoutez d'abord votre réponse.",
  },
  attempt_update_missing: {
    en: 'The quest attempt changed while it was being updated, so nothing was saved. Reload and try again.',
    fr: "La tentative de quête a changé pendant sa mise à jour : rien n'a été enregistré. Rechargez et réessayez.",
  },

  // feedback: analysis, notes, timeline
  feedback_not_found: {
    en: 'This feedback no longer exists. Reload the list.',
    fr: "Ce retour n'existe plus. Rechargez la liste.",
  },
  artifact_not_feedback: {
    en: 'The stored feedback is not a feedback file. Analyse the take again.',
    fr: "Le retour enregistré n'est pas un fichier de retour. Analysez la prise de nouveau.",
  },
  feedback_parse_failed: {
    en: 'The stored feedback cannot be read. Analyse the take again to get a new one.',
    fr: 'Le retour enregistré est illisible. Analysez la prise de nouveau pour en obtenir un autre.',
  },
  run_missing_transcript: {
    en: 'This rehearsal has no transcript yet. Add what was said first.',
    fr: "Cette répétition n'a pas encore de transcription. Ajoutez d'abord ce qui a été dit.",
  },
  feedback_subject_not_supported: {
    en: 'This feedback belongs to something the app cannot show. Choose another feedback.',
    fr: "Ce retour porte sur un élément que l'app ne sait pas afficher. Choisissez un autre retour.",
  },
  feedback_timeline_limit_invalid: {
    en: 'The number of feedback entries to list must be a whole number.',
    fr: 'Le nombre de retours à afficher doit être un nombre entier.',
  },
  analysis_duration_invalid: {
    en: "The recording's length could not be read, so no feedback was made. Record or import the take again.",
    fr: "La durée de l'enregistrement est illisible : aucun retour n'a été produit. Enregistrez ou importez la prise de nouveau.",
  },

  // pack: review packs and peer reviews
  pack_stat_failed: {
    en: 'The review pack cannot be found or read. Check the file and try again.',
    fr: 'Le pack de relecture est introuvable ou illisible. Vérifiez le fichier et réessayez.',
  },
  pack_open_failed: {
    en: 'The review pack cannot be opened. Check that it is a file you may read.',
    fr: "Le pack de relecture ne peut pas être ouvert. Vérifiez qu'il s'agit d'un fichier que vous pouvez lire.",
  },
  pack_not_a_zip: {
    en: 'This file is not a review pack (a zip file). Choose the pack you received.',
    fr: "Ce fichier n'est pas un pack de relecture (un fichier zip). Choisissez le pack que vous avez reçu.",
  },
  pack_truncated: {
    en: 'The review pack is incomplete: the file ends too early. Download or copy it again.',
    fr: 'Le pack de relecture est incomplet : le fichier se termine trop tôt. Téléchargez-le ou copiez-le de nouveau.',
  },
  pack_too_many_entries: {
    en: 'The review pack holds far more files than a pack needs, so it was refused. Ask its sender for a new pack.',
    fr: "Le pack de relecture contient bien plus de fichiers qu'il n'en faut : il a été refusé. Demandez un nouveau pack à son expéditeur.",
  },
  pack_entry_unreadable: {
    en: 'A file in the review pack cannot be read (encrypted, or compressed in a way the app does not support). Ask its sender for a new pack.',
    fr: "Un fichier du pack de relecture est illisible (chiffré, ou compressé d'une façon que l'app ne gère pas). Demandez un nouveau pack à son expéditeur.",
  },
  pack_invalid_path: {
    en: 'A file name in the review pack is not allowed, so the pack was refused. Ask its sender for a new pack.',
    fr: "Un nom de fichier du pack de relecture n'est pas autorisé : le pack a été refusé. Demandez un nouveau pack à son expéditeur.",
  },
  pack_symlink_rejected: {
    en: 'The review pack holds a link to another file, which is not allowed, so it was refused. Ask its sender for a new pack.',
    fr: "Le pack de relecture contient un lien vers un autre fichier, ce qui n'est pas autorisé : il a été refusé. Demandez un nouveau pack à son expéditeur.",
  },
  pack_entry_too_large: {
    en: 'A file is too large for a review pack, so nothing was done. Use a shorter recording.',
    fr: "Un fichier est trop gros pour un pack de relecture : rien n'a été fait. Utilisez un enregistrement plus court.",
  },
  pack_entry_overcompressed: {
    en: 'A file in the review pack unpacks to a suspicious size, so the pack was refused. Ask its sender for a new pack.',
    fr: 'Un fichier du pack de relecture se décompresse en une taille suspecte : le pack a été refusé. Demandez un nouveau pack à son expéditeur.',
  },
  pack_duplicate_entry: {
    en: 'The review pack holds two files with the same name, so it was refused. Ask its sender for a new pack.',
    fr: 'Le pack de relecture contient deux fichiers du même nom : il a été refusé. Demandez un nouveau pack à son expéditeur.',
  },
  pack_entry_size_mismatch: {
    en: 'A file in the review pack is not the size it claims, so the pack was refused. Ask its sender for a new pack.',
    fr: "Un fichier du pack de relecture n'a pas la taille annoncée : le pack a été refusé. Demandez un nouveau pack à son expéditeur.",
  },
  pack_read_failed: {
    en: 'The review pack is damaged, so it was not imported. Ask its sender for a new pack.',
    fr: "Le pack de relecture est endommagé : il n'a pas été importé. Demandez un nouveau pack à son expéditeur.",
  },
  pack_missing_file: {
    en: 'A file the review pack lists is missing from it, so it was not imported. Ask its sender for a complete pack.',
    fr: "Un fichier annoncé par le pack de relecture en est absent : il n'a pas été importé. Demandez un pack complet à son expéditeur.",
  },
  manifest_parse_failed: {
    en: "The review pack's description cannot be read, so it was not imported. Ask its sender for a new pack.",
    fr: "La description du pack de relecture est illisible : il n'a pas été importé. Demandez un nouveau pack à son expéditeur.",
  },
  manifest_schema_mismatch: {
    en: 'The review pack was made by an incompatible version of the app, so it was not imported. Ask its sender to update LePupitre and export it again.',
    fr: "Le pack de relecture a été produit par une version incompatible de l'app : il n'a pas été importé. Demandez à son expéditeur de mettre LePupitre à jour et de l'exporter de nouveau.",
  },
  manifest_duplicate_role: {
    en: 'The review pack lists the same part twice, so it was not imported. Ask its sender for a new pack.',
    fr: "Le pack de relecture annonce deux fois le même élément : il n'a pas été importé. Demandez un nouveau pack à son expéditeur.",
  },
  manifest_missing_audio: {
    en: 'The review pack has no recording, so it was not imported. Ask its sender for a complete pack.',
    fr: "Le pack de relecture n'a pas d'enregistrement : il n'a pas été importé. Demandez un pack complet à son expéditeur.",
  },
  manifest_missing_transcript: {
    en: 'The review pack has no transcript, so it was not imported. Ask its sender for a complete pack.',
    fr: "Le pack de relecture n'a pas de transcription : il n'a pas été importé. Demandez un pack complet à son expéditeur.",
  },
  manifest_missing_outline: {
    en: 'The review pack has no outline, so it was not imported. Ask its sender for a complete pack.',
    fr: "Le pack de relecture n'a pas de plan : il n'a pas été importé. Demandez un pack complet à son expéditeur.",
  },
  manifest_missing_rubric: {
    en: 'The review pack has no review grid, so it was not imported. Ask its sender for a complete pack.',
    fr: "Le pack de relecture n'a pas de grille d'évaluation : il n'a pas été importé. Demandez un pack complet à son expéditeur.",
  },
  manifest_missing_review: {
    en: 'The review pack holds no review, so it was not imported. Ask its sender for a complete pack.',
    fr: "Le pack de relecture ne contient pas de relecture : il n'a pas été importé. Demandez un pack complet à son expéditeur.",
  },
  pack_size_mismatch: {
    en: 'A file in the review pack is not the size its description says, so the pack was refused. Ask its sender for a new pack.',
    fr: "Un fichier du pack de relecture n'a pas la taille indiquée par sa description : le pack a été refusé. Demandez un nouveau pack à son expéditeur.",
  },
  pack_sha_mismatch: {
    en: 'A file in the review pack does not match its checksum, so the pack was refused. It may be damaged: ask its sender for a new pack.',
    fr: "Un fichier du pack de relecture ne correspond pas à sa somme de contrôle : le pack a été refusé. Il est peut-être endommagé ; demandez-en un nouveau à son expéditeur.",
  },
  review_parse_failed: {
    en: 'The review in the pack cannot be read, so it was not imported. Ask its sender for a new pack.',
    fr: "La relecture contenue dans le pack est illisible : elle n'a pas été importée. Demandez un nouveau pack à son expéditeur.",
  },
  pack_central_directory_mismatch: {
    en: 'The review pack lists its files inconsistently (some would stay hidden), so it was refused. Ask its sender for a new pack.',
    fr: "Le pack de relecture décrit ses fichiers de façon incohérente (certains resteraient cachés) : il a été refusé. Demandez un nouveau pack à son expéditeur.",
  },
  pack_too_large: {
    en: 'The files of the review pack add up to more than a pack can hold, so nothing was done. Use a shorter recording.',
    fr: "Les fichiers du pack de relecture dépassent ensemble ce qu'un pack peut contenir : rien n'a été fait. Utilisez un enregistrement plus court.",
  },
  pack_entry_name_mismatch: {
    en: 'A file in the review pack goes by two different names, so the pack was refused. Ask its sender for a new pack.',
    fr: 'Un fichier du pack de relecture porte deux noms différents : le pack a été refusé. Demandez un nouveau pack à son expéditeur.',
  },
  manifest_duplicate_path: {
    en: 'The review pack uses one file for several parts, so it was not imported. Ask its sender for a new pack.',
    fr: "Le pack de relecture utilise un même fichier pour plusieurs éléments : il n'a pas été importé. Demandez un nouveau pack à son expéditeur.",
  },
  pack_audio_invalid: {
    en: 'The recording in the review pack is not a WAV file the app can play (16 kHz, mono, 16-bit), so it was not imported. Ask its sender for a new pack.',
    fr: "L'enregistrement du pack de relecture n'est pas un fichier WAV que l'app sait lire (16 kHz, mono, 16 bits) : il n'a pas été importé. Demandez un nouveau pack à son expéditeur.",
  },
  review_limit_exceeded: {
    en: 'The review is far larger or more deeply nested than a review can be, so it was refused. Ask its reviewer for a new one.',
    fr: "La relecture est bien plus volumineuse ou imbriquée qu'une relecture ne peut l'être : elle a été refusée. Demandez-en une nouvelle à son relecteur.",
  },
  review_invalid_text: {
    en: 'The review holds control characters (such as terminal escape codes), so it was refused. Ask its reviewer for a new one.',
    fr: "La relecture contient des caractères de contrôle (comme des codes d'échappement de terminal) : elle a été refusée. Demandez-en une nouvelle à son relecteur.",
  },
  outline_invalid_utf8: {
    en: "The review pack's outline is not valid text, so it was not imported. Ask its sender for a new pack.",
    fr: "Le plan du pack de relecture n'est pas un texte valide : il n'a pas été importé. Demandez un nouveau pack à son expéditeur.",
  },
  run_missing_audio: {
    en: 'This rehearsal has no recording yet, so it cannot be shared. Finish the recording first.',
    fr: "Cette répétition n'a pas encore d'enregistrement : elle ne peut pas être partagée. Terminez d'abord l'enregistrement.",
  },
  artifact_type_mismatch: {
    en: 'A file of this rehearsal is not of the expected kind, so no pack was made. Record the take again.',
    fr: "Un fichier de cette répétition n'est pas du type attendu : aucun pack n'a été produit. Enregistrez la prise de nouveau.",
  },
  pack_write_failed: {
    en: 'The review pack could not be written. Check the free disk space, then try again.',
    fr: "Le pack de relecture n'a pas pu être écrit. Vérifiez la place libre sur le disque, puis réessayez.",
  },
  peer_review_not_found: {
    en: 'This peer review no longer exists. Reload the list.',
    fr: "Cette relecture n'existe plus. Rechargez la liste.",
  },
  peer_review_artifact_type: {
    en: 'The stored peer review is not a review file. Import the pack again.',
    fr: "La relecture enregistrée n'est pas un fichier de relecture. Importez le pack de nouveau.",
  },
  peer_review_parse_failed: {
    en: 'The stored peer review cannot be read. Import the pack again.',
    fr: 'La relecture enregistrée est illisible. Importez le pack de nouveau.',
  },
  peer_review_insert_failed: {
    en: 'The peer review could not be saved, so the import was undone. Try again.',
    fr: "La relecture n'a pas pu être enregistrée : l'import a été annulé. Réessayez.",
  },

  // the command router
  IPC_UNKNOWN_COMMAND: {
    en: 'The app has no command of that name. Check the name against the list of commands.',
    fr: "L'app n'a pas de commande de ce nom. Vérifiez le nom dans la liste des commandes.",
  },
  IPC_INVALID_PAYLOAD: {
    en: 'Some of the data sent does not fit this command, so nothing was done. Check what was entered and try again.',
    fr: "Une partie des données envoyées ne convient pas à cette commande : rien n'a été fait. Vérifiez la saisie et réessayez.",
  },
  IPC_HOST_CLOSED: {
    en: 'The app is shutting down, so this was not done. Start the app again and retry.',
    fr: "L'app est en train de s'arrêter : cela n'a pas été fait. Relancez l'app et réessayez.",
  },
  IPC_INTERNAL: {
    en: 'An unexpected error stopped this action. Try again; if it keeps failing, report it with what you were doing.',
    fr: "Une erreur inattendue a interrompu cette action. Réessayez ; si l'erreur persiste, signalez-la en précisant ce que vous faisiez.",
  },

  // the operator CLI
  CLI_USAGE: {
    en: 'The command line is not valid. Run lepupitre --help to see the commands and their options.',
    fr: "La ligne de commande n'est pas valide. Lancez lepupitre --help pour voir les commandes et leurs options.",
  },
  CLI_INVALID_SCOPE: {
    en: 'The scope must be global or profile. Pass --scope global or --scope profile.',
    fr: 'La portée doit être global ou profile. Indiquez --scope global ou --scope profile.',
  },
  CLI_SCOPE_REQUIRED: {
    en: 'The file does not exist yet, so its kind cannot be detected. Add --scope global or --scope profile.',
    fr: "Le fichier n'existe pas encore : son type ne peut pas être détecté. Ajoutez --scope global ou --scope profile.",
  },
  CLI_SCOPE_UNDETECTED: {
    en: 'This file is recognised neither as a global nor as a profile database of LePupitre. Check the file, or pass --scope.',
    fr: "Ce fichier n'est reconnu ni comme base globale ni comme base de profil de LePupitre. Vérifiez le fichier, ou indiquez --scope.",
  },
  CLI_DATA_DIR_NOT_FOUND: {
    en: 'The data folder does not exist. Check --data-dir or LEPUPITRE_DATA_DIR.',
    fr: "Le dossier de données n'existe pas. Vérifiez --data-dir ou LEPUPITRE_DATA_DIR.",
  },
  CLI_DATA_DIR_NOT_A_DIRECTORY: {
    en: "The data folder given is not a folder. Point --data-dir at the app's data folder.",
    fr: "Le dossier de données indiqué n'est pas un dossier. Indiquez le dossier de données de l'app avec --data-dir.",
  },
  CLI_DATA_DIR_UNREADABLE: {
    en: "The data folder cannot be read. Check its permissions, or run the command as the folder's owner.",
    fr: 'Le dossier de données est illisible. Vérifiez ses droits, ou lancez la commande en tant que propriétaire du dossier.',
  },
  CLI_DATA_DIR_UNKNOWN: {
    en: "The app's data folder cannot be determined on this system. Pass --data-dir or set LEPUPITRE_DATA_DIR.",
    fr: "Le dossier de données de l'app ne peut pas être déterminé sur ce système. Indiquez --data-dir ou définissez LEPUPITRE_DATA_DIR.",
  },
  CLI_PARENT_DIR_NOT_FOUND: {
    en: 'The folder meant to hold the new database does not exist. Create it first, or choose another file.',
    fr: "Le dossier qui doit contenir la nouvelle base n'existe pas. Créez-le d'abord, ou choisissez un autre fichier.",
  },
  CLI_PROFILE_NOT_FOUND: {
    en: 'No profile with this id exists in the data folder. Run lepupitre db status to list the profiles.',
    fr: 'Aucun profil ne porte cet identifiant dans le dossier de données. Lancez lepupitre db status pour lister les profils.',
  },
  CLI_INTERNAL: {
    en: 'An unexpected error stopped the command. Try again; if it keeps failing, report it with the command you ran.',
    fr: "Une erreur inattendue a arrêté la commande. Réessayez ; si l'erreur persiste, signalez-la avec la commande lancée.",
  },

  // the app host's HTTP layer
  HOST_UNAUTHORIZED: {
    en: 'This page may not use the app: its access token is missing or comes from an earlier launch. Open the address that npm start printed.',
    fr: "Cette page n'a pas accès à l'app : son jeton d'accès manque ou date d'un lancement précédent. Ouvrez l'adresse affichée par npm start.",
  },
  HOST_WRONG_HOST: {
    en: "The request did not come through the app's own address, so it was refused. Open the address that npm start printed.",
    fr: "La requête ne passait pas par l'adresse de l'app : elle a été refusée. Ouvrez l'adresse affichée par npm start.",
  },
  HOST_CROSS_ORIGIN: {
    en: 'Another web site tried to use the app and was refused. Use the app only from the address that npm start printed.',
    fr: "Un autre site web a tenté d'utiliser l'app et a été refusé. N'utilisez l'app que depuis l'adresse affichée par npm start.",
  },
  HOST_NOT_FOUND: {
    en: 'There is nothing at this address. Open the address that npm start printed.',
    fr: "Il n'y a rien à cette adresse. Ouvrez l'adresse affichée par npm start.",
  },
  HOST_METHOD_NOT_ALLOWED: {
    en: 'The app does not take this kind of request here. Use the page, or send commands as POST requests.',
    fr: "L'app n'accepte pas ce type de requête ici. Utilisez la page, ou envoyez les commandes en requêtes POST.",
  },
  HOST_UNSUPPORTED_MEDIA_TYPE: {
    en: 'The app takes commands as JSON only. Send the request with a JSON content type.',
    fr: "L'app n'accepte les commandes qu'en JSON. Envoyez la requête avec un type de contenu JSON.",
  },
  HOST_PAYLOAD_TOO_LARGE: {
    en: 'The request is too large for the app. Choose a shorter recording and try again.',
    fr: "La requête est trop grosse pour l'app. Choisissez un enregistrement plus court et réessayez.",
  },
  HOST_INVALID_JSON: {
    en: 'The request is not valid JSON, so no command ran. Check the data sent and try again.',
    fr: "La requête n'est pas du JSON valide : aucune commande n'a été lancée. Vérifiez les données envoyées et réessayez.",
  },
  HOST_INTERNAL: {
    en: "The app's local server failed unexpectedly. Try again; if it keeps failing, restart the app with npm start.",
    fr: "Le serveur local de l'app a échoué de façon inattendue. Réessayez ; si l'erreur persiste, relancez l'app avec npm start.",
  },

  // the app host's launch
  HOST_ALREADY_RUNNING: {
    en: 'The app is already running on this data folder. Go back to its page, or stop it first and run npm start again.',
    fr: "L'app tourne déjà sur ce dossier de données. Revenez à sa page, ou arrêtez-la d'abord puis relancez npm start.",
  },

  // the page itself
  HOST_NO_TOKEN: {
    en: 'This page has no access token. Open the address that npm start printed: it carries the token.',
    fr: "Cette page n'a pas de jeton d'accès. Ouvrez l'adresse affichée par npm start : elle contient le jeton.",
  },
  HOST_UNREACHABLE: {
    en: 'The app no longer answers at this address: it was stopped or restarted, and each launch has a new address. Open the address npm start printed last, or start it again with npm start and open the new address it prints.',
    fr: "L'app ne répond plus à cette adresse : elle a été arrêtée ou relancée, et chaque lancement a une nouvelle adresse. Ouvrez la dernière adresse affichée par npm start, ou relancez-la avec npm start et ouvrez la nouvelle adresse qu'elle affiche.",
  },
  HOST_BAD_RESPONSE: {
    en: 'The app gave an answer this page does not understand. Reload the page; if it keeps happening, restart the app.',
    fr: "L'app a donné une réponse que cette page ne comprend pas. Rechargez la page ; si cela se reproduit, relancez l'app.",
  },
  PAGE_ERROR: {
    en: 'Something went wrong on this page. Reload it and try again.',
    fr: "Un problème est survenu sur cette page. Rechargez-la et réessayez.",
  },
  PAGE_MEMO_UNREADABLE: {
    en: 'This voice memo entry cannot be read, so it is not shown. The other memos are not affected.',
    fr: "Cette entrée de mémo vocal est illisible : elle n'est pas affichée. Les autres mémos ne sont pas touchés.",
  },
  PAGE_MEMO_LIMIT: {
    en: 'This profile already holds 100 voice memos. Delete some before keeping another.',
    fr: 'Ce profil contient déjà 100 mémos vocaux. Supprimez-en avant d’en garder un autre.',
  },
} as const satisfies Readonly<Record<KnownErrorCode, Sentence> & Record<string, Sentence>>;

/** For a code no catalogue entry names (a test keeps every code the product raises covered). */
export const FALLBACK_SENTENCE: Sentence = {
  en: 'The app could not do this. Try again; if it keeps failing, report the code shown.',
  fr: "L'app n'a pas pu le faire. Réessayez ; si l'erreur persiste, signalez le code affiché.",
};
