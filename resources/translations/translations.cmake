# Translations of the desktop app. The build compiles each .ts file to a .qm file
# (lrelease) and embeds it in the ui library under :/i18n; the target
# `update_translations` (lupdate) refreshes the .ts files from every tr() in ui/,
# model/ and app/ after strings change.
set(CONTACTGUARD_TS_FILES
    ${CMAKE_CURRENT_LIST_DIR}/contactguard_de.ts
)
file(GLOB _contactguard_tr_sources
    ${PROJECT_SOURCE_DIR}/ui/*.cpp ${PROJECT_SOURCE_DIR}/ui/*.h
    ${PROJECT_SOURCE_DIR}/model/*.cpp ${PROJECT_SOURCE_DIR}/model/*.h
    ${PROJECT_SOURCE_DIR}/app/main.cpp)
qt_add_lupdate(contactguard_ui TS_FILES ${CONTACTGUARD_TS_FILES} SOURCES ${_contactguard_tr_sources}
    OPTIONS -no-obsolete -locations none)
qt_add_lrelease(contactguard_ui TS_FILES ${CONTACTGUARD_TS_FILES} QM_FILES_OUTPUT_VARIABLE _contactguard_qm_files)
qt_add_resources(contactguard_ui contactguard_translations
    PREFIX /i18n BASE ${CMAKE_CURRENT_BINARY_DIR} FILES ${_contactguard_qm_files})
